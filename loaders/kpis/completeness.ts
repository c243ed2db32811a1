/**
 * Completeness of every customer field of one source: rows, filled (not
 * missing: NULL, empty or only white space) and usable (filled and without a
 * validity finding of severity error or warning on that field), in one scan
 * of the prepared input. Whether the source has the field at all (`mapped`)
 * comes from the caller: a field the source lacks is reported, not scored.
 *
 *   measureCompleteness(db, {input, source, mapped}) → rows into kpi_fields
 */
import type {Db} from "../db/connection.ts";
import {literal, literalList} from "../db/sql.ts";
import {CUSTOMER_ROLES, type CustomerRole} from "../config/roles.ts";
import {RULES} from "../rules/registry.ts";
import {col, presentSql} from "../rules/text-sql.ts";

export const FIELD_ROLES: readonly CustomerRole[] = CUSTOMER_ROLES.filter((r) => r !== "id");

export const FIELDS_TABLE = "kpi_fields";

/** Rules whose findings make a filled value unusable. */
export const VALIDITY_RULES: readonly string[] = RULES.filter((r) => r.dimension === "validity" && r.severity !== "info").map((r) => r.id);

/** Creates the table when missing (before sources are measured side by side). */
export async function ensureFieldsTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${FIELDS_TABLE} (source VARCHAR, field VARCHAR, mapped BOOLEAN, rows BIGINT, filled BIGINT, usable BIGINT)`);
}

export async function measureCompleteness(db: Db, {input, source, mapped}: {input: string; source: string; mapped: ReadonlySet<string>}): Promise<void> {
  await ensureFieldsTable(db);
  await db.exec(`DELETE FROM ${FIELDS_TABLE} WHERE source = ${literal(source)}`);
  const filled = FIELD_ROLES.map((role, i) => `count(*) FILTER (WHERE ${presentSql(col(role))}) AS f${i}`);
  const keys = FIELD_ROLES.map((role, i) => `(${literal(role)}, ${i}, ${mapped.has(role)})`).join(", ");
  await db.exec(`INSERT INTO ${FIELDS_TABLE}
    WITH counts AS (SELECT n AS rows, [${FIELD_ROLES.map((_, i) => `f${i}`).join(", ")}] AS filled FROM (SELECT ${filled.join(", ")}, count(*) AS n FROM ${input})),
      k AS (SELECT * FROM (VALUES ${keys}) AS k(field, i, mapped)),
      invalid AS (SELECT field, count(DISTINCT record_id) AS n FROM findings
        WHERE source = ${literal(source)} AND rule IN ${literalList(VALIDITY_RULES)} GROUP BY field)
    SELECT ${literal(source)}, k.field, k.mapped, counts.rows, counts.filled[k.i + 1],
      greatest(counts.filled[k.i + 1] - coalesce(invalid.n, 0), 0)
    FROM k CROSS JOIN counts LEFT JOIN invalid ON invalid.field = k.field`);
}
