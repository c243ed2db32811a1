/**
 * Ingests one configured source: every file its path names is loaded as
 * text into `raw_<source>` (with `__file`, `__line` and `__row`, the 1-based
 * data row), rejected rows go to the `rejects` table, and the standard view
 * `customers_<source>` or `orders_<source>` exposes the columns by role.
 *
 * `raw_<source>` is a table in `__row` order; for a source of one file
 * loaded whole in file order (a plain text file, Parquet, JSON) it is a view
 * over the file's own table, which is then kept rather than copied.
 */
import {relative} from "node:path";
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {CUSTOMER_ROLES, ORDER_ROLES, roleColumn, type Role} from "../config/roles.ts";
import {detectRoles} from "../config/detect.ts";
import type {SourceConfig} from "../config/schema.ts";
import {resolveFiles} from "./files.ts";
import {formatOf, type Format} from "./format.ts";
import {dropLoad, loadDelimited, plainDataTable} from "./delimited.ts";
import {loadXlsx} from "./xlsx.ts";
import {loadColumnar} from "./columnar.ts";
import type {Rejected} from "./normalise-text.ts";
import {InputError} from "../errors.ts";

export interface FileReport {
  /** path relative to the configuration folder */
  file: string;
  format: Format;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  bytes?: number;
  read: number;
  loaded: number;
  rejected: number;
  blankLines: number;
}

export interface SourceLoad {
  name: string;
  kind: "customers" | "orders";
  files: FileReport[];
  /** columns of the source, in file order */
  columns: string[];
  /** role → column, configured or detected */
  roles: Partial<Record<Role, string>>;
  /** roles that came from the headers rather than the configuration */
  detected: Role[];
  read: number;
  loaded: number;
  rejected: number;
  /** the standard view: customers_<name> or orders_<name> */
  view: string;
  /** the raw table */
  table: string;
}

export interface IngestOptions {
  /** folder that relative paths resolve against */
  baseDir: string;
  tempDir: string;
}

export const REJECTS_TABLE = "rejects";

export async function ensureRejectsTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${REJECTS_TABLE} (source VARCHAR, file VARCHAR, line BIGINT, reason VARCHAR, text VARCHAR)`);
}

export async function ingestSource(db: Db, source: SourceConfig, options: IngestOptions): Promise<SourceLoad> {
  await ensureRejectsTable(db);
  const files = await resolveFiles(db, source.path, options.baseDir).catch((error: Error) => {
    throw new InputError(error.message, {source: source.name, field: "path"});
  });
  const table = `raw_${source.name}`;
  const reports: FileReport[] = [];
  const parts: string[] = [];
  let offset = 0;
  /** parts read as they are (delimited.ts): a view, rows numbered from their line */
  const plain: boolean[] = [];
  /** the data row of each part's records, from `__line`: parts in file order with every record loaded */
  const rowOf: (string | undefined)[] = [];
  for (const [i, file] of files.entries()) {
    const shown = relative(options.baseDir, file) || file;
    const part = `__load_${source.name}_${i}`;
    let load: {read: number; loaded: number; rejected: Rejected[]; blankLines: number; columns: string[]; plain?: boolean};
    let report: FileReport;
    // what an earlier load of the source kept under that name (a table or a view: see below)
    await dropRelation(db, part);
    await dropRelation(db, plainDataTable(part));
    try {
      const format = await formatOf(file);
      if (format === "csv") {
        const l = await loadDelimited(db, file, part, {encoding: encodingOf(source.encoding), delimiter: source.delimiter, tempDir: options.tempDir});
        load = l;
        report = {file: shown, format, encoding: l.encoding + (l.bom ? " (BOM)" : ""), delimiter: l.delimiter, read: l.read, loaded: l.loaded, rejected: l.rejected.length, blankLines: l.blankLines};
      } else if (format === "xlsx") {
        const l = await loadXlsx(db, file, part, {sheet: source.sheet, tempDir: options.tempDir});
        load = l;
        report = {file: shown, format, sheet: l.sheet, read: l.read, loaded: l.loaded, rejected: l.rejected.length, blankLines: l.blankLines};
      } else {
        const l = await loadColumnar(db, file, part, format);
        load = l;
        report = {file: shown, format, read: l.read, loaded: l.loaded, rejected: 0, blankLines: 0};
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError((error as Error).message.split("\n")[0]!, {source: source.name, file: shown});
    }
    if (load.read === 0) {
      throw new InputError("the file has a header but no data row: export it again with its rows, or remove it from the source's path", {source: source.name, file: shown});
    }
    await storeRejects(db, source.name, shown, load.rejected);
    plain.push(load.plain === true);
    // every record is loaded, in file order: one per line after the header, or one per row of a columnar file
    const row = load.plain ? `${offset} + __line - 1` : report.format === "parquet" || report.format === "json" ? `${offset} + __line` : undefined;
    rowOf.push(row);
    if (row !== undefined) {
      parts.push(`SELECT ${literal(shown)} AS __file, ${row} AS __row, * FROM ${ident(part)}`);
      offset += load.read;
      reports.push(report);
      continue;
    }
    // data row: position among all records of the file, loaded or rejected
    const lines = `__lines_${source.name}_${i}`;
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(lines)} AS SELECT line FROM ${REJECTS_TABLE} WHERE source = ${literal(source.name)} AND file = ${literal(shown)}`);
    parts.push(`SELECT ${literal(shown)} AS __file,
        ${offset} + row_number() OVER (ORDER BY __line) + (SELECT count(*) FROM ${ident(lines)} r WHERE r.line < t.__line) AS __row,
        * FROM ${ident(part)} t`);
    offset += load.read;
    reports.push(report);
  }
  await dropRelation(db, table);
  if (parts.length === 1 && rowOf[0] !== undefined) {
    // one file in file order with every record (insertion order is kept): the loaded table itself, seen
    // through a view that adds the file and the row, rather than a copy
    await db.exec(`CREATE VIEW ${ident(table)} AS ${parts[0]}`);
  } else {
    // the files one after the other, each in its own row order: the table keeps insertion order, so
    // no sort of the whole source (100M order lines in 10 files would have to be sorted at once)
    await db.exec(`CREATE TABLE ${ident(table)} AS SELECT * FROM (${parts.map((p) => `(${p})`).join(" UNION ALL BY NAME ")}) LIMIT 0`);
    for (const [i, part] of parts.entries()) {
      await db.exec(`INSERT INTO ${ident(table)} BY NAME ${part}${rowOf[i] === undefined ? " ORDER BY __row" : ""}`);
    }
    for (let i = 0; i < files.length; i++) {
      await dropLoad(db, `__load_${source.name}_${i}`, plain[i]!);
      await db.exec(`DROP TABLE IF EXISTS ${ident(`__lines_${source.name}_${i}`)}`);
    }
  }
  const columns = (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE ${ident(table)})`))
    .map((c) => c.column_name)
    .filter((c) => !c.startsWith("__"));
  const configured = source.columns as Partial<Record<Role, string>>;
  for (const [role, column] of Object.entries(configured)) {
    if (column !== undefined && !columns.includes(column)) {
      throw new InputError(`column "${column}" mapped to ${role} is not in the file; its columns are: ${columns.map((c) => `"${c}"`).join(", ")}`, {
        source: source.name,
        field: `columns.${role}`
      });
    }
  }
  const roles = detectRoles<Role>(columns, source.kind, configured);
  const detected = (Object.keys(roles) as Role[]).filter((r) => configured[r] === undefined);
  const view = `${source.kind}_${source.name}`;
  await createRoleView(db, view, table, source.name, source.kind, roles);
  const read = reports.reduce((s, r) => s + r.read, 0);
  const loaded = reports.reduce((s, r) => s + r.loaded, 0);
  return {name: source.name, kind: source.kind, files: reports, columns, roles, detected, read, loaded, rejected: read - loaded, view, table};
}

/** Drops the table or view of that name, whichever an earlier load of the source left. */
async function dropRelation(db: Db, name: string) {
  const view = await db.one(`SELECT 1 AS x FROM duckdb_views() WHERE view_name = ${literal(name)} AND NOT temporary AND schema_name = current_schema()`);
  await db.exec(`DROP ${view ? "VIEW" : "TABLE"} IF EXISTS ${ident(name)}`);
}

function encodingOf(encoding: string | undefined) {
  return encoding === undefined ? undefined : encoding === "utf-8" ? "utf-8" : "windows-1252";
}

async function createRoleView(db: Db, view: string, table: string, source: string, kind: "customers" | "orders", roles: Partial<Record<Role, string>>) {
  const list: readonly Role[] = kind === "customers" ? CUSTOMER_ROLES : ORDER_ROLES;
  const column = (role: Role) => (roles[role] === undefined ? "CAST(NULL AS VARCHAR)" : `CAST(${ident(roles[role]!)} AS VARCHAR)`);
  const select = [
    `${literal(source)} AS source`,
    `__row AS row_number`,
    ...(kind === "customers"
      ? [`coalesce(nullif(trim(${column("id")}), ''), CAST(__row AS VARCHAR)) AS record_id`, ...list.filter((r) => r !== "id").map((r) => `${column(r)} AS ${roleColumn(r)}`)]
      : list.map((r) => `${column(r)} AS ${roleColumn(r)}`))
  ];
  await db.exec(`CREATE OR REPLACE VIEW ${ident(view)} AS SELECT ${select.join(", ")} FROM ${ident(table)}`);
}

async function storeRejects(db: Db, source: string, file: string, rejected: readonly Rejected[]) {
  if (rejected.length === 0) return;
  const appender = await db.duckdb.createAppender(REJECTS_TABLE);
  for (const r of rejected) {
    appender.appendVarchar(source);
    appender.appendVarchar(file);
    appender.appendBigInt(BigInt(r.line));
    appender.appendVarchar(r.reason);
    appender.appendVarchar(r.text.length > 1000 ? `${r.text.slice(0, 1000)}…` : r.text);
    appender.endRow();
  }
  appender.closeSync();
}
