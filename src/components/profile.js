// Column profiles: a table with one row per column (fill rate as a bar),
// and for each column its top values, patterns and distribution.
import * as Plot from "@observablehq/plot";
import {el} from "../lib/dom.js";

export function profileTable(columns, t) {
  const head = el(
    "tr",
    {},
    ["profile.column", "profile.role", "profile.type", "profile.fillRate", "profile.missing", "profile.distinct", "profile.length", "profile.min", "profile.max"].map((k) =>
      el("th", {}, t(k))
    )
  );
  const rows = columns.map((c) =>
    el(
      "tr",
      {},
      el("td", {}, c.name),
      el("td", {}, c.role ?? ""),
      el("td", {}, c.type),
      el("td", {}, fillBar(c.rows ? c.filled / c.rows : 0, t)),
      el("td", {class: "num"}, t.number(c.missing)),
      el("td", {class: "num", title: c.estimated?.distinct ? t("profile.estimated") : null}, approx(c.estimated?.distinct, t.number(c.distinct))),
      el("td", {class: "num"}, c.length.min === null ? "—" : `${c.length.min}–${c.length.max}`),
      el("td", {}, c.min ?? "—"),
      el("td", {}, c.max ?? "—")
    )
  );
  return el("div", {class: "assay-scroll"}, el("table", {class: "assay-table"}, el("thead", {}, head), el("tbody", {}, rows)));
}

/** An estimated figure: "≈ " before it. */
function approx(estimated, text) {
  return estimated ? `≈ ${text}` : text;
}

function fillBar(rate, t) {
  return el(
    "span",
    {class: "assay-fill", title: t.percent(rate)},
    el("span", {class: "assay-fill-bar", style: `width:${Math.round(rate * 100)}%`}),
    el("span", {class: "assay-fill-text"}, t.percent(rate))
  );
}

/** Details of one column: top values, patterns, histogram. */
export function columnDetails(c, t) {
  const counts = (title, list, estimated = false) =>
    el(
      "div",
      {class: "assay-counts"},
      el("h4", {}, title),
      list.length === 0
        ? el("p", {class: "muted"}, t("profile.none"))
        : el(
            "table",
            {class: "assay-table"},
            el("tbody", {}, list.map((v) => el("tr", {}, el("td", {class: "assay-value"}, v.value), el("td", {class: "num"}, approx(estimated, t.number(v.count))))))
          )
    );
  const bins = c.histogram.bins;
  const chart =
    bins.length === 0
      ? el("p", {class: "muted"}, t("profile.none"))
      : Plot.plot({
          height: 140,
          width: 360,
          marginLeft: 50,
          x: {label: null, tickRotate: c.histogram.of === "value" && /DATE|TIMESTAMP/.test(c.type) ? -30 : 0},
          y: {label: approx(c.estimated?.histogram, t("profile.count")), grid: true},
          marks: [
            Plot.rectY(bins, {
              x1: (d) => (/DATE|TIMESTAMP/.test(c.type) && c.histogram.of === "value" ? new Date(d.x0) : Number(d.x0)),
              x2: (d) => (/DATE|TIMESTAMP/.test(c.type) && c.histogram.of === "value" ? new Date(d.x1) : Number(d.x1)),
              y: "count",
              fill: "var(--theme-foreground-focus)",
              inset: 0.5
            }),
            Plot.ruleY([0])
          ]
        });
  return el(
    "details",
    {class: "assay-column"},
    el("summary", {}, c.name, c.masked ? el("span", {class: "muted"}, ` — ${t("profile.masked")}`) : null),
    el(
      "div",
      {class: "assay-grid"},
      counts(t("profile.top"), c.top),
      counts(approx(c.estimated?.patterns, t("profile.patterns")), c.patterns, c.estimated?.patterns),
      el("div", {}, el("h4", {}, approx(c.estimated?.histogram, t(c.histogram.of === "value" ? "profile.histogram" : "profile.histogramLength"))), chart)
    ),
    c.estimated ? el("p", {class: "muted"}, `≈ ${t("profile.sampled", {sample: c.estimated.sampleRows})}`) : null
  );
}
