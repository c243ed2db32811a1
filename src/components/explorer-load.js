// explorer.parquet into DuckDB-wasm without its parquet extension (which
// DuckDB-wasm would fetch from the extension host): the file is decoded here
// by hyparquet, turned into an Arrow table with the file's column types, and
// inserted as the table `customers`.
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import * as arrow from "apache-arrow";

function arrowType(element) {
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

/** Arrow table of a Parquet file's rows (flat schema). */
export async function parquetToArrow(buffer) {
  const schema = parquetMetadata(buffer).schema.slice(1);
  const rows = await parquetReadObjects({file: buffer});
  const columns = {};
  for (const element of schema) {
    const type = arrowType(element);
    const values = rows.map((row) => {
      const v = row[element.name];
      if (v === null || v === undefined) return null;
      if (typeof v === "bigint") return Number(v);
      return type instanceof arrow.Utf8 ? String(v) : v;
    });
    columns[element.name] = arrow.vectorFromArray(values, type);
  }
  return new arrow.Table(columns);
}

/** Loads the explorer's Parquet bytes as the table `customers` of a DuckDB-wasm connection. */
export async function loadCustomers(conn, buffer) {
  await conn.insertArrowTable(await parquetToArrow(buffer), {name: "customers", create: true});
}
