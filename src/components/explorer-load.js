// explorer.parquet into DuckDB-wasm without its parquet extension (which
// DuckDB-wasm would fetch from the extension host): the file is decoded here
// by hyparquet column by column, turned into an Arrow table, inserted, and
// cast back to the file's column types as the table `customer_groups` (one
// row per group of customers, see loaders/value/explorer.ts).
import {parquetMetadata, parquetRead} from "hyparquet";
import * as arrow from "apache-arrow";

export const TABLE = "customer_groups";

const column = (name) => `"${String(name).replaceAll('"', '""')}"`;

/** The DuckDB type of a Parquet column (flat schema). */
export function sqlType(element) {
  const logical = element.converted_type;
  if (logical === "DECIMAL") return `DECIMAL(${element.precision}, ${element.scale ?? 0})`;
  switch (element.type) {
    case "BOOLEAN":
      return "BOOLEAN";
    case "INT32":
      return {INT_8: "TINYINT", INT_16: "SMALLINT", UINT_8: "UTINYINT", UINT_16: "USMALLINT", UINT_32: "UINTEGER"}[logical] ?? "INTEGER";
    case "INT64":
      return "BIGINT";
    case "FLOAT":
    case "DOUBLE":
      return "DOUBLE";
    default:
      return "VARCHAR";
  }
}

/** The Arrow type that carries a column into DuckDB-wasm; 64-bit and decimal values travel as doubles. */
function arrowType(element) {
  if (element.converted_type === "DECIMAL") return new arrow.Float64();
  switch (element.type) {
    case "BOOLEAN":
      return new arrow.Bool();
    case "INT32":
      return new arrow.Int32();
    case "INT64":
    case "FLOAT":
    case "DOUBLE":
      return new arrow.Float64();
    default:
      return new arrow.Utf8();
  }
}

/** Arrow table of a Parquet file's columns (flat schema), and the file's schema. */
export async function parquetToArrow(buffer) {
  const metadata = parquetMetadata(buffer);
  const schema = metadata.schema.slice(1);
  const rows = Number(metadata.num_rows);
  const values = new Map(schema.map((e) => [e.name, new Array(rows).fill(null)]));
  await parquetRead({
    file: buffer,
    metadata,
    onChunk({columnName, columnData, rowStart}) {
      const target = values.get(columnName);
      for (let i = 0; i < columnData.length; i++) {
        const v = columnData[i];
        target[rowStart + i] = v === null || v === undefined ? null : typeof v === "bigint" ? Number(v) : v;
      }
    }
  });
  const columns = {};
  for (const element of schema) {
    const type = arrowType(element);
    const data = type instanceof arrow.Utf8 ? values.get(element.name).map((v) => (v === null ? null : String(v))) : values.get(element.name);
    columns[element.name] = arrow.vectorFromArray(data, type);
  }
  return {table: new arrow.Table(columns), schema};
}

/** Loads the explorer's Parquet bytes as the table `customer_groups` of a DuckDB-wasm connection, with the file's types. */
export async function loadGroups(conn, buffer) {
  const {table, schema} = await parquetToArrow(buffer);
  await conn.insertArrowTable(table, {name: "customer_groups_arrow", create: true});
  // decimals were decoded to doubles: the cast rounds them back to their exact cents
  await conn.query(`CREATE TABLE ${TABLE} AS SELECT ${schema.map((e) => `CAST(${column(e.name)} AS ${sqlType(e)}) AS ${column(e.name)}`).join(", ")} FROM customer_groups_arrow`);
  await conn.query("DROP TABLE customer_groups_arrow");
}
