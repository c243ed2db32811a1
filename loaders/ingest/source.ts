/**
 * Ingests one configured source: every file its path names is loaded as
 * text into `raw_<source>` (with `__file`, `__line` and `__row`, the 1-based
 * data row), rejected rows go to the `rejects` table, and the standard view
 * `customers_<source>` or `orders_<source>` exposes the columns by role.
 */
import {relative} from "node:path";
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {CUSTOMER_ROLES, ORDER_ROLES, roleColumn, type Role} from "../config/roles.ts";
import {detectRoles} from "../config/detect.ts";
import type {SourceConfig} from "../config/schema.ts";
import {resolveFiles} from "./files.ts";
import {formatOf, type Format} from "./format.ts";
import {dropLoad, loadDelimited} from "./delimited.ts";
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
  for (const [i, file] of files.entries()) {
    const shown = relative(options.baseDir, file) || file;
    const part = `__load_${source.name}_${i}`;
    let load: {read: number; loaded: number; rejected: Rejected[]; blankLines: number; columns: string[]; plain?: boolean};
    let report: FileReport;
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
    if (load.plain) {
      // every record is loaded, one per line after the header
      parts.push(`SELECT ${literal(shown)} AS __file, ${offset} + __line - 1 AS __row, * FROM ${ident(part)}`);
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
  // one file read as it is is in order already (insertion order is kept): no sort
  const sorted = parts.length === 1 && plain[0] ? "" : " ORDER BY __row";
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS ${parts.map((p) => `(${p})`).join(" UNION ALL BY NAME ")}${sorted}`);
  for (let i = 0; i < files.length; i++) {
    await dropLoad(db, `__load_${source.name}_${i}`, plain[i]!);
    await db.exec(`DROP TABLE IF EXISTS ${ident(`__lines_${source.name}_${i}`)}`);
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
