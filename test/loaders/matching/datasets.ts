/** Test data sets of the matching engine, loaded into DuckDB in the shape of the `customers` view. */
import type {Db} from "../../../loaders/db/connection.ts";
import {sharedData} from "../../support/shared-data.ts";

const DATA = sharedData("matching");

/** FEBRL (fields separated by comma + space); entity = the number in rec_id. Columns mapped only. */
export async function loadFebrl(db: Db, name: "febrl1" | "febrl2", table = name): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS
    SELECT 'febrl' AS source, row_number() OVER () AS row_number, rec_id AS record_id,
      given_name AS first_name, surname AS last_name, concat_ws(' ', street_number, address_1) AS address1,
      address_2 AS address2, suburb AS city, postcode, date_of_birth AS birth_date,
      regexp_extract(rec_id, 'rec-(\\d+)', 1) AS entity
    FROM read_csv('${DATA}/${name}.csv', delim = ', ', all_varchar = true)`);
}

/** Splink's fake_1000; entity = cluster. */
export async function loadFake1000(db: Db, table = "fake_1000"): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS
    SELECT 'fake' AS source, CAST(unique_id AS BIGINT) + 1 AS row_number, unique_id AS record_id,
      first_name, surname AS last_name, dob AS birth_date, city, email, cluster AS entity
    FROM read_csv('${DATA}/fake_1000.csv', all_varchar = true)`);
}
