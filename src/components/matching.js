// Charts and tables of the single customer view and duplicates pages. Every
// number comes from site/matching.json, already masked for the mode: a null
// count is shown as "< k". Customer values (consultant mode) and masked values
// (published mode) are rendered as text only.
import * as Plot from "@observablehq/plot";
import {el} from "../lib/dom.js";

const shown = (n, t, k) => (n === null || n === undefined ? t("matching.suppressed", {k}) : t.number(n));
const fieldName = (t, field) => (t.has(`matching.field.${field}`) ? t(`matching.field.${field}`) : field);

export function kpis(items) {
  return el("div", {class: "assay-kpis"},
    items.map(([label, value]) => el("div", {class: "assay-kpi"}, el("div", {class: "value"}, value), el("div", {class: "label"}, label))));
}

/** UpSet-style chart: one row per combination of sources (dots), a bar of its customers. */
export function overlapUpset(data, t, k) {
  const names = data.sources.map((s) => s.source);
  const rows = data.overlap.map((o, i) => ({
    key: String(i),
    label: o.sources ? o.sources.join(" + ") : t("matching.overlapOther"),
    sources: o.sources ?? [],
    customers: o.customers
  }));
  const dots = rows.flatMap((r) => names.map((name) => ({key: r.key, source: name, in: r.sources.includes(name)})));
  const order = rows.map((r) => r.key);
  const height = 26 * rows.length + 40;
  const matrix = Plot.plot({
    width: 40 * names.length + 60,
    height,
    marginBottom: 0,
    marginTop: 40,
    x: {domain: names, axis: "top", label: null, tickRotate: -30},
    y: {domain: order, axis: null},
    marks: [
      Plot.dot(dots, {x: "source", y: "key", r: 6, fill: (d) => (d.in ? "currentColor" : "var(--theme-foreground-faintest)")}),
      Plot.link(rows.filter((r) => r.sources.length > 1), {
        x1: (r) => r.sources[0], x2: (r) => r.sources[r.sources.length - 1], y1: "key", y2: "key", strokeWidth: 2
      })
    ]
  });
  const max = Math.max(1, ...rows.map((r) => r.customers ?? 0));
  const bars = Plot.plot({
    width: 420,
    height,
    marginTop: 40,
    marginBottom: 0,
    marginLeft: 10,
    x: {domain: [0, max * 1.25], axis: "top", label: t("matching.clusters"), grid: true},
    y: {domain: order, axis: null},
    marks: [
      Plot.barX(rows, {x: (r) => r.customers ?? 0, y: "key", fill: "var(--theme-foreground-focus)"}),
      Plot.text(rows, {x: (r) => r.customers ?? 0, y: "key", text: (r) => `${shown(r.customers, t, k)} · ${r.label}`, textAnchor: "start", dx: 4})
    ]
  });
  return el("div", {class: "assay-upset", style: "display:flex;gap:0;align-items:flex-start;overflow-x:auto"}, matrix, bars);
}

/** Source × source matrix of shared customers. */
export function overlapMatrix(data, t, k) {
  const names = data.sources.map((s) => s.source);
  const cell = (a, b) => data.matrix.find((m) => m.a === a && m.b === b)?.customers ?? null;
  return el("table", {class: "assay-table"},
    el("thead", {}, el("tr", {}, el("th", {}, ""), names.map((n) => el("th", {class: "num"}, n)))),
    el("tbody", {}, names.map((a) => el("tr", {}, el("th", {}, a), names.map((b) => el("td", {class: "num"}, shown(cell(a, b), t, k)))))));
}

/** Bars of clusters by size (records per customer). */
export function clusterSizes(data, t, k) {
  const rows = data.clusterSizes.map((s) => ({
    label: s.orMore ? t("matching.sizeOrMore", {size: s.size}) : String(s.size),
    clusters: s.clusters
  }));
  return el("div", {},
    Plot.plot({
      width: 520,
      height: 220,
      marginLeft: 50,
      x: {label: t("matching.size"), domain: rows.map((r) => r.label)},
      y: {label: t("matching.clusters"), grid: true},
      marks: [
        Plot.barY(rows, {x: "label", y: (r) => r.clusters ?? 0, fill: "var(--theme-foreground-focus)"}),
        Plot.text(rows, {x: "label", y: (r) => r.clusters ?? 0, text: (r) => shown(r.clusters, t, k), dy: -8})
      ]
    }),
    el("table", {class: "assay-table"},
      el("thead", {}, el("tr", {}, el("th", {}, t("matching.size")), el("th", {class: "num"}, t("matching.clusters")))),
      el("tbody", {}, rows.map((r) => el("tr", {}, el("td", {}, r.label), el("td", {class: "num"}, shown(r.clusters, t, k)))))));
}

/** Duplicate rate within each source. */
export function duplicateRates(data, t) {
  return el("table", {class: "assay-table"},
    el("thead", {}, el("tr", {}, ["matching.source", "matching.records", "matching.customers", "duplicates.rate"].map((key, i) => el("th", {class: i ? "num" : null}, t(key))))),
    el("tbody", {}, data.sources.map((s) => el("tr", {},
      el("td", {}, s.source), el("td", {class: "num"}, t.number(s.records)), el("td", {class: "num"}, t.number(s.customers)),
      el("td", {class: "num"}, t.percent(s.duplicateRate))))));
}

/** Waterfall of one pair's match weight: the prior, then each field's contribution, against the threshold. */
export function waterfall(example, data, t) {
  let running = example.prior;
  const steps = [{label: t("duplicates.prior"), start: 0, end: example.prior, weight: example.prior}];
  for (const c of example.contributions) {
    steps.push({label: fieldName(t, c.field), start: running, end: running + c.weight, weight: c.weight});
    running += c.weight;
  }
  steps.push({label: t("duplicates.total"), start: 0, end: example.weight, weight: example.weight, total: true});
  const order = steps.map((s) => s.label);
  return Plot.plot({
    width: 520,
    height: 24 * steps.length + 40,
    marginLeft: 120,
    x: {label: t("duplicates.weight"), grid: true},
    y: {domain: order, label: null},
    marks: [
      Plot.barX(steps, {
        x1: "start", x2: "end", y: "label",
        fill: (s) => (s.total ? "var(--theme-foreground-focus)" : s.weight >= 0 ? "#2f855a" : "#c53030")
      }),
      Plot.text(steps, {x: "end", y: "label", text: (s) => (s.weight >= 0 ? "+" : "") + s.weight.toFixed(1), dx: 4, textAnchor: "start"}),
      Plot.ruleX([data.thresholdWeight], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.ruleX([0])
    ]
  });
}

/** One example pair: its two records side by side (masked in published mode), the levels, and the waterfall. */
export function examplePair(example, data, t) {
  const fields = example.contributions.map((c) => c.field);
  const value = (record, field) => record.values?.[field] ?? "—";
  const head = el("tr", {}, el("th", {}, t("duplicates.field")),
    el("th", {}, `${t("duplicates.left")} · ${example.left.source}${example.left.recordId ? ` ${example.left.recordId}` : ""}`),
    el("th", {}, `${t("duplicates.right")} · ${example.right.source}${example.right.recordId ? ` ${example.right.recordId}` : ""}`),
    el("th", {}, t("duplicates.level")), el("th", {class: "num"}, t("duplicates.weight")));
  const body = example.contributions.map((c) => el("tr", {},
    el("td", {}, fieldName(t, c.field)),
    el("td", {class: "assay-value"}, value(example.left, c.field)),
    el("td", {class: "assay-value"}, value(example.right, c.field)),
    el("td", {}, c.level),
    el("td", {class: "num"}, (c.weight >= 0 ? "+" : "") + c.weight.toFixed(1))));
  return el("section", {class: "assay-pair"},
    el("h3", {}, `${example.linked ? t("duplicates.linked") : t("duplicates.notLinked")} — ${t("duplicates.probability", {p: t.percent(example.probability)})}`),
    el("div", {style: "display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start"},
      el("table", {class: "assay-table"}, el("thead", {}, head), el("tbody", {}, body)),
      waterfall(example, data, t)),
    fields.length ? null : el("p", {}, t("duplicates.noExamples")));
}

/** Weight of every level of every field (the model). */
export function modelTable(data, t) {
  return el("table", {class: "assay-table"},
    el("thead", {}, el("tr", {}, el("th", {}, t("duplicates.field")), el("th", {}, t("duplicates.level")), el("th", {class: "num"}, t("duplicates.weight")))),
    el("tbody", {}, data.model.flatMap((f) => f.levels.slice(1).map((l, i) => el("tr", {},
      el("td", {}, i === 0 ? fieldName(t, f.field) : ""), el("td", {}, l.label), el("td", {class: "num"}, (l.weight >= 0 ? "+" : "") + l.weight.toFixed(1)))))));
}

/** Candidate pairs per blocking rule. */
export function blockingTable(data, t) {
  return el("table", {class: "assay-table"},
    el("thead", {}, el("tr", {}, el("th", {}, t("duplicates.rule")), el("th", {class: "num"}, t("duplicates.pairs")), el("th", {class: "num"}, t("duplicates.added")))),
    el("tbody", {}, data.blocking.rules.map((r) => el("tr", {}, el("td", {}, r.rule), el("td", {class: "num"}, t.number(r.pairs)), el("td", {class: "num"}, t.number(r.added))))));
}
