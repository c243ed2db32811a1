/**
 * record.stale — the record's last update (its update date, else its
 * creation date) is older than the freshness window (default 12 months)
 * before the audit date. Reported on the record; `value` is the date used,
 * `detail` the window's first day. Records with no usable date are not
 * judged.
 */
import {literal} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";

export default defineRule({
  id: "record.stale",
  fields: ["record"],
  dimension: "timeliness",
  severity: "warning",
  explain: {
    fr: "La fiche n'a pas été mise à jour (ni créée) depuis plus longtemps que la fenêtre de fraîcheur (12 mois par défaut) avant la date de l'audit.",
    en: "The record has not been updated (or created) for longer than the freshness window (12 months by default) before the audit date."
  },
  applies: () => "coalesce(updated_at_d, created_at_d) IS NOT NULL",
  check: ({input, asOf, freshnessMonths}) => {
    const since = `CAST(DATE ${literal(asOf)} - INTERVAL ${freshnessMonths} MONTH AS DATE)`;
    return `SELECT record_id, 'record' AS field, CAST(coalesce(updated_at_d, created_at_d) AS VARCHAR) AS value, CAST(${since} AS VARCHAR) AS detail
      FROM ${input} WHERE coalesce(updated_at_d, created_at_d) < ${since}`;
  }
});
