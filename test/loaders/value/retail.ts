/** Test fixture: the retail orders file as an `orders_retail` view of raw text, as ingestion makes it. */
import type {Db} from "../../../loaders/db/connection.ts";
import {sharedData} from "../../support/shared-data.ts";

export const RETAIL = sharedData("retail", "online_retail_2010-12_to_2011-02.csv");
export const EXPECTED = sharedData("retail", "expected_rfm_as_of_2011-03-01.csv");

export async function loadRetail(db: Db): Promise<string> {
  await db.exec(`CREATE OR REPLACE TABLE orders_retail AS
    SELECT 'retail' AS source, row_number() OVER () AS row_number, CustomerID AS customer_id, InvoiceNo AS order_id,
      InvoiceDate AS order_date, NULL::VARCHAR AS amount, Quantity AS quantity, UnitPrice AS unit_price, NULL::VARCHAR AS channel
    FROM read_csv('${RETAIL}', all_varchar = true, header = true)`);
  return "orders_retail";
}

/** A small comma-separated file without quoted fields, as rows keyed by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header!.split(",");
  return lines.map((line) => {
    const values = line.split(",");
    return Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""]));
  });
}
