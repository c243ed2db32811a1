/**
 * duplicate.fuzzy — the matching step put the record in a cluster with
 * another record of the same source (see matching.md). The rule reads the
 * clusters table given to the run (`source, record_id, cluster_id`, as
 * clusters.csv); without one it does not run. `detail` is the cluster id.
 */
import {ident, literal} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";

/** SQL of the findings from a clusters table, for one source. */
export function fuzzyDuplicatesSql(clusters: string, source: string): string {
  return `WITH c AS (SELECT DISTINCT CAST(record_id AS VARCHAR) AS record_id, CAST(cluster_id AS VARCHAR) AS cluster_id
        FROM ${ident(clusters)} WHERE source = ${literal(source)}),
      shared AS (SELECT cluster_id FROM c GROUP BY cluster_id HAVING count(*) >= 2)
    SELECT c.record_id, 'record' AS field, NULL AS value, c.cluster_id AS detail FROM c JOIN shared USING (cluster_id)`;
}

export default defineRule({
  id: "duplicate.fuzzy",
  fields: ["record"],
  dimension: "uniqueness",
  severity: "warning",
  explain: {
    fr: "Le rapprochement a placé cette fiche dans un même groupe qu'une autre fiche de la même source : probablement la même personne, saisie deux fois avec des variantes.",
    en: "Matching put this record in one cluster with another record of the same source: most likely the same person, entered twice with variations."
  },
  check: ({clusters, source}) => (clusters ? fuzzyDuplicatesSql(clusters, source) : null)
});
