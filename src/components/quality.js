// Tables and charts of the quality pages. Every number comes from
// site/quality.json and site/quality-rules.json, already masked for the mode;
// customer values (rule examples) are only ever rendered as text.
import * as Plot from "@observablehq/plot";
import {el} from "../lib/dom.js";

export const DIMENSIONS = ["completeness", "validity", "consistency", "uniqueness", "timeliness", "consent"];
const LIGHT_COLOURS = {green: "#2f9e44", amber: "#f08c00", red: "#e03131", none: "#adb5bd"};

export const sourceName = (source, t) => (source === null ? t("quality.allSources") : source);

/** "12 / 40" with its rate. */
export function ratioText(r, t) {
  return `${t.percent(r.rate)} (${t.number(r.numerator)} / ${t.number(r.denominator)})`;
}

export function lightDot(light, t, margin) {
  return el("span", {class: `assay-light assay-light-${light}`, title: t(`quality.light.${light}`, {margin}), style: `color: ${LIGHT_COLOURS[light]}`}, "●");
}

function scoreCell(score, light, t, margin, title, change) {
  return el("td", {class: "num", title},
    lightDot(light, t, margin), " ", score === null ? "—" : score.toFixed(1),
    change === null || change === undefined ? null : el("span", {style: "color: var(--theme-foreground-muted)"}, ` (${change > 0 ? "+" : ""}${change.toFixed(1)})`));
}

/** The scorecard: a row per source and all sources, a column per dimension and overall. */
export function scorecardTable(data, t) {
  const margin = data.settings.amberMargin;
  const trendOf = (source) => data.trend.find((x) => x.source === source);
  return el("div", {class: "assay-scroll"}, el("table", {class: "assay-table assay-scorecard"},
    el("thead", {}, el("tr", {},
      el("th", {}, t("quality.source")), el("th", {class: "num"}, t("quality.records")),
      DIMENSIONS.map((d) => el("th", {class: "num", title: t(`quality.dimDesc.${d}`)}, t(`quality.dim.${d}`))),
      el("th", {class: "num", title: t("quality.dimDesc.overall")}, t("quality.dim.overall")))),
    el("tbody", {}, data.scorecards.map((card) => {
      const trend = trendOf(card.source);
      return el("tr", {style: card.source === null ? "font-weight: 700" : null},
        el("td", {}, sourceName(card.source, t)),
        el("td", {class: "num"}, t.number(card.records)),
        card.dimensions.map((d) => scoreCell(d.score, d.light, t, margin, t("quality.checks", {passed: d.passed, checks: d.checks}), trend?.dimensions[d.dimension]?.change)),
        scoreCell(card.overall.score, card.overall.light, t, margin, null, trend?.overall.change));
    })),
    el("tfoot", {}, el("tr", {},
      el("td", {}, t("quality.threshold")), el("td", {}),
      DIMENSIONS.map((d) => el("td", {class: "num"}, t.number(data.settings.thresholds[d]))),
      el("td", {class: "num"}, t.number(data.settings.thresholds.overall))))));
}

/** Overall score of all sources at each audit date. */
export function historyChart(history, t) {
  const points = history.map((s) => ({date: new Date(`${s.asOf}T00:00:00Z`), score: s.scores.find((x) => x.source === null)?.overall ?? null})).filter((p) => p.score !== null);
  return Plot.plot({
    height: 200,
    y: {domain: [0, 100], label: t("quality.score"), grid: true},
    x: {label: t("quality.date"), type: "utc"},
    marks: [Plot.lineY(points, {x: "date", y: "score"}), Plot.dot(points, {x: "date", y: "score", title: (p) => `${p.score}`})]
  });
}

/** Field × source heatmap of fill rates; fields a source lacks stay blank. */
export function fillHeatmap(fields, sources, t) {
  const cells = fields.filter((f) => f.source !== null && f.mapped).map((f) => ({...f, label: t(`quality.field.${f.field}`)}));
  const order = [...new Set(fields.map((f) => f.field))].map((f) => t(`quality.field.${f}`));
  return Plot.plot({
    marginLeft: 130,
    height: 30 + 24 * order.length,
    width: Math.max(360, 140 + 110 * sources.length),
    x: {domain: sources, label: null, axis: "top"},
    y: {domain: order, label: null},
    color: {type: "linear", domain: [0, 1], scheme: "ylgn", legend: true, label: t("quality.fill"), tickFormat: (x) => t.percent(x)},
    marks: [
      Plot.cell(cells, {x: "source", y: "label", fill: (d) => d.fill.rate, title: (d) => `${d.label} — ${d.source}\n${t("quality.fill")}: ${ratioText(d.fill, t)}\n${t("quality.usable")}: ${ratioText(d.usable, t)}`}),
      Plot.text(cells, {x: "source", y: "label", text: (d) => t.percent(d.fill.rate), fill: (d) => (d.fill.rate > 0.6 ? "white" : "black")})
    ]
  });
}

/** Records by age band, one bar per band. */
export function ageBars(fresh, t) {
  const bands = fresh.bands.map((b) => ({...b, label: t(`quality.band.${b.band}`)}));
  return Plot.plot({
    marginLeft: 140,
    height: 40 + 26 * bands.length,
    x: {label: t("quality.freshness.count"), grid: true},
    y: {domain: bands.map((b) => b.label), label: null},
    marks: [Plot.barX(bands, {x: "n", y: "label", fill: (d) => (["0-6m", "6-12m"].includes(d.band) ? "#2f9e44" : d.band === "undated" || d.band === "future" ? "#adb5bd" : "#e8590c")}), Plot.ruleX([0])]
  });
}

/** A table from rows: columns are [label, value(row), numeric?]. */
export function table(rows, columns) {
  return el("div", {class: "assay-scroll"}, el("table", {class: "assay-table"},
    el("thead", {}, el("tr", {}, columns.map(([label, , num]) => el("th", {class: num ? "num" : null}, label)))),
    el("tbody", {}, rows.map((row) => el("tr", {}, columns.map(([, value, num]) => el("td", {class: num ? "num" : null}, value(row))))))));
}
