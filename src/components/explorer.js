// The segment explorer: filters, counts, a cross-tab, a SQL box and a CSV
// download over the table `customer_groups` (explorer.parquet) in DuckDB-wasm:
// one row per group of customers who share every dimension, with their
// measures (customers, revenue, orders, recency_days), so every count is a
// sum of `customers`. `selection` is a view of the groups the filters keep.
// Every value is shown as text; every value put in SQL is quoted. In
// published mode the cross-tab and the counts never show a group of fewer
// than k customers.
import {el} from "../lib/dom.js";
import {segmentName, stageName} from "../lib/labels.js";
import {toCsv} from "./explorer-csv.js";
import {TABLE} from "./explorer-load.js";

const FILTER_DIMENSIONS = ["orders_source", "segment", "lifecycle", "country", "age_band", "nps_group", "email_ok", "phone_ok"];
const CROSS_DIMENSIONS = [...FILTER_DIMENSIONS, "r", "f", "m"];
const MEASURES = ["customers", "revenue", "orders", "recency_days"];
const SQL_ROWS_SHOWN = 200;

const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const column = (name) => `"${String(name).replaceAll('"', '""')}"`;
const asText = (name) => `coalesce(CAST(${column(name)} AS VARCHAR), '')`;

/** Rows of an Arrow result as plain objects; 64-bit integers become numbers. */
function rowsOf(result) {
  return result.toArray().map((row) => {
    const out = {};
    for (const [key, value] of Object.entries(row.toJSON())) out[key] = typeof value === "bigint" ? Number(value) : value;
    return out;
  });
}

export async function explorer(conn, meta, t) {
  const k = meta.mode === "published" ? meta.minCount : 0;
  const query = async (sql) => rowsOf(await conn.query(sql));
  const columns = (await query(`DESCRIBE ${TABLE}`)).map((c) => c.column_name);
  const membership = columns.filter((c) => c.startsWith("in_"));
  const dimensionLabel = (d) => (d.startsWith("in_") ? t("explorer.dim.in", {source: d.slice(3)}) : t(`explorer.dim.${d}`));
  const valueLabel = (d, v) => {
    if (v === "") return t("explorer.empty");
    if (v === "true") return t("explorer.yes");
    if (v === "false") return t("explorer.no");
    if (d === "segment") return v === "none" ? t("explorer.empty") : segmentName(t, v);
    if (d === "lifecycle") return stageName(t, v);
    if (d === "nps_group" && ["promoter", "passive", "detractor"].includes(v)) return t(`value.nps.${v}s`);
    return v;
  };
  const filterDims = [...FILTER_DIMENSIONS.filter((d) => columns.includes(d)), ...membership];
  const crossDims = [...CROSS_DIMENSIONS.filter((d) => columns.includes(d)), ...membership];
  const dimensions = columns.filter((c) => !MEASURES.includes(c));
  const total = (await query(`SELECT coalesce(sum(customers), 0) AS n FROM ${TABLE}`))[0].n;

  // Filters: one select per dimension that has more than one value.
  const filters = new Map();
  const filterBox = el("div", {class: "assay-grid", id: "explorer-filters"});
  for (const d of filterDims) {
    const values = (await query(`SELECT ${asText(d)} AS v FROM ${TABLE} GROUP BY 1 ORDER BY 1`)).map((r) => r.v);
    if (values.length < 2) continue;
    const select = el("select", {id: `explorer-filter-${d}`, "data-dimension": d}, el("option", {value: ""}, t("explorer.any")), values.map((v) => el("option", {value: `=${v}`}, valueLabel(d, v))));
    filters.set(d, select);
    filterBox.append(el("label", {}, el("div", {}, dimensionLabel(d)), select));
  }
  // published mode: rare countries were merged into `other` when the data was written
  const otherCountries = k > 0 && columns.includes("country") && (await query(`SELECT 1 AS x FROM ${TABLE} WHERE country = 'other' LIMIT 1`)).length > 0;
  const where = () => {
    const tests = [...filters].filter(([, s]) => s.value !== "").map(([d, s]) => `${asText(d)} = ${quote(s.value.slice(1))}`);
    return tests.length ? `WHERE ${tests.join(" AND ")}` : "";
  };

  const count = el("p", {id: "explorer-count", "aria-live": "polite"}, t("explorer.loading"));
  const rowSelect = el("select", {id: "explorer-cross-rows"}, crossDims.map((d) => el("option", {value: d}, dimensionLabel(d))));
  const colSelect = el("select", {id: "explorer-cross-columns"}, crossDims.map((d) => el("option", {value: d}, dimensionLabel(d))));
  rowSelect.value = crossDims.includes("segment") ? "segment" : crossDims[0];
  colSelect.value = crossDims.includes("lifecycle") ? "lifecycle" : crossDims[1] ?? crossDims[0];
  const crossBox = el("div", {class: "assay-scroll", id: "explorer-crosstab"});

  const sqlBox = el("textarea", {id: "explorer-sql", rows: 4, cols: 80, spellcheck: "false", style: "width:100%;font-family:var(--monospace)"});
  // each row is a group of customers: counts are sums of `customers`
  sqlBox.value = [
    "SELECT segment, sum(customers) AS customers, round(sum(revenue)) AS revenue,",
    "  round(sum(recency_days) / sum(customers) FILTER (WHERE r IS NOT NULL)) AS days_since_last_order",
    "FROM selection GROUP BY segment ORDER BY sum(customers) DESC"
  ].join("\n");
  const runButton = el("button", {id: "explorer-run", type: "button"}, t("explorer.run"));
  const sqlOut = el("pre", {id: "explorer-sql-out", style: "max-height:24rem;overflow:auto;white-space:pre"});
  const download = el("button", {id: "explorer-download", type: "button"}, t("explorer.download"));

  async function refreshCount() {
    const [{n, revenue}] = await query(`SELECT coalesce(sum(customers), 0) AS n, coalesce(sum(revenue), 0) AS revenue FROM selection`);
    count.setAttribute("data-customers", String(n));
    count.textContent = n > 0 && n < k ? t("explorer.countSuppressed", {k, total}) : t("explorer.count", {customers: n, total, revenue: new Intl.NumberFormat(t.locale, {maximumFractionDigits: 0}).format(revenue)});
  }

  async function refreshCross() {
    const a = rowSelect.value;
    const b = colSelect.value;
    const cells = await query(`SELECT ${asText(a)} AS a, ${asText(b)} AS b, sum(customers) AS n FROM selection GROUP BY 1, 2 ORDER BY 1, 2`);
    const sorter = (x, y) => (Number.isFinite(Number(x)) && Number.isFinite(Number(y)) && x !== "" && y !== "" ? Number(x) - Number(y) : x.localeCompare(y));
    const rows = [...new Set(cells.map((c) => c.a))].sort(sorter);
    const cols = [...new Set(cells.map((c) => c.b))].sort(sorter);
    const at = new Map(cells.map((c) => [`${c.a}\u0000${c.b}`, c.n]));
    const cell = (n) => (n === undefined ? "" : n < k ? t("value.suppressed", {k}) : t.number(n));
    crossBox.replaceChildren(
      el(
        "table",
        {class: "assay-table"},
        el("thead", {}, el("tr", {}, el("th", {}, `${dimensionLabel(a)} \\ ${dimensionLabel(b)}`), cols.map((c) => el("th", {class: "num"}, valueLabel(b, c))))),
        el("tbody", {}, rows.map((r) => el("tr", {}, el("th", {}, valueLabel(a, r)), cols.map((c) => el("td", {class: "num"}, cell(at.get(`${r}\u0000${c}`)))))))
      )
    );
  }

  async function runSql() {
    sqlOut.removeAttribute("data-rows");
    try {
      const result = await conn.query(sqlBox.value);
      const rows = rowsOf(result);
      const names = result.schema.fields.map((f) => f.name);
      const lines = [names.join("\t"), ...rows.slice(0, SQL_ROWS_SHOWN).map((r) => names.map((n) => (r[n] === null || r[n] === undefined ? "" : String(r[n]))).join("\t"))];
      sqlOut.textContent = `${lines.join("\n")}\n\n${t("explorer.rowsShown", {shown: Math.min(rows.length, SQL_ROWS_SHOWN), rows: rows.length})}`;
      sqlOut.setAttribute("data-rows", String(rows.length));
    } catch (error) {
      sqlOut.textContent = t("explorer.error", {message: error?.message ?? String(error)});
      sqlOut.setAttribute("data-rows", "error");
    }
  }

  async function downloadSelection() {
    // the selection's groups, each with its count and sums
    const rows = await query(`SELECT * FROM selection ORDER BY ${dimensions.map(column).join(", ")}`);
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], {type: "text/csv;charset=utf-8"}));
    const link = el("a", {href: url, download: "selection.csv", style: "display:none"});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // One change at a time, in order.
  let queue = Promise.resolve();
  const enqueue = (job) => (queue = queue.then(job, job));
  const refresh = () =>
    enqueue(async () => {
      await conn.query(`CREATE OR REPLACE VIEW selection AS SELECT * FROM ${TABLE} ${where()}`);
      await refreshCount();
      await refreshCross();
    });
  for (const select of filters.values()) select.addEventListener("change", refresh);
  rowSelect.addEventListener("change", () => enqueue(refreshCross));
  colSelect.addEventListener("change", () => enqueue(refreshCross));
  runButton.addEventListener("click", () => enqueue(runSql));
  download.addEventListener("click", () => enqueue(downloadSelection));
  await refresh();

  return el(
    "div",
    {id: "explorer"},
    el("h2", {}, t("explorer.filters")),
    filterBox,
    otherCountries ? el("p", {id: "explorer-country-other"}, t("explorer.countryOther", {k})) : null,
    count,
    download,
    el("h2", {}, t("explorer.crosstab")),
    el("p", {}, el("label", {}, `${t("explorer.rows")} `, rowSelect), " ", el("label", {}, `${t("explorer.columns")} `, colSelect)),
    crossBox,
    el("h2", {}, t("explorer.sql")),
    el("p", {}, t("explorer.sql.lead")),
    sqlBox,
    el("p", {}, runButton),
    sqlOut
  );
}
