// Charts and tables of the customer value page. Every number comes from
// site/value.json, already masked: a null count with `suppressed` is shown
// as "< k". Labels are ours (segments.ts, messages/value.js), rendered as text.
import * as Plot from "@observablehq/plot";
import {el} from "../lib/dom.js";
import {segmentName, segmentText, stageName, stageText} from "../lib/labels.js";

const money = (t) => new Intl.NumberFormat(t.locale, {maximumFractionDigits: 0});

function shown(value, suppressed, t, k, format = t.number) {
  return suppressed ? t("value.suppressed", {k}) : format(value);
}

/** R × F heatmap of one metric ("customers" or "revenue"), R rows 5 → 1, F columns 1 → 5. */
export function rfHeatmap(cells, metric, t, k) {
  const format = metric === "revenue" ? (v) => money(t).format(v) : t.number;
  return Plot.plot({
    width: 340,
    height: 300,
    marginLeft: 50,
    padding: 0.04,
    x: {label: t("value.f"), domain: [1, 2, 3, 4, 5]},
    y: {label: t("value.r"), domain: [5, 4, 3, 2, 1]},
    color: {type: "linear", scheme: metric === "revenue" ? "greens" : "blues", legend: false},
    marks: [
      Plot.cell(cells, {x: "f", y: "r", fill: (d) => (d.suppressed ? null : d[metric]), stroke: "var(--theme-foreground-faintest)"}),
      Plot.text(cells, {
        x: "f",
        y: "r",
        text: (d) => shown(d[metric], d.suppressed, t, k, format),
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      })
    ]
  });
}

/** Segment sizes and revenue, with the plain-language description of each segment. */
export function segmentTable(segments, totals, t, k) {
  const head = ["value.segment", "value.description", "value.customers", "value.share", "value.revenue", "value.revenueShare", "value.recency", "value.frequency", "value.monetary"];
  const rows = segments
    .filter((s) => s.suppressed || s.customers > 0)
    .map((s) =>
      el(
        "tr",
        {},
        el("td", {}, el("strong", {}, segmentName(t, s.segment))),
        el("td", {}, segmentText(t, s.segment)),
        el("td", {class: "num"}, shown(s.customers, s.suppressed, t, k)),
        el("td", {class: "num"}, s.suppressed ? "—" : t.percent(totals.customers ? s.customers / totals.customers : null)),
        el("td", {class: "num"}, shown(s.revenue, s.suppressed, t, k, (v) => money(t).format(v))),
        el("td", {class: "num"}, s.suppressed ? "—" : t.percent(totals.revenue ? s.revenue / totals.revenue : null)),
        el("td", {class: "num"}, s.suppressed ? "—" : t.number(s.recency)),
        el("td", {class: "num"}, s.suppressed ? "—" : t.number(s.frequency)),
        el("td", {class: "num"}, s.suppressed ? "—" : t.number(s.monetary))
      )
    );
  return el(
    "div",
    {class: "assay-scroll"},
    el("table", {class: "assay-table", id: "value-segments"}, el("thead", {}, el("tr", {}, head.map((h, i) => el("th", {class: i > 1 ? "num" : null}, t(h))))), el("tbody", {}, rows))
  );
}

/** Segment sizes as bars (suppressed segments left out). */
export function segmentBars(segments, t) {
  const data = segments.filter((s) => !s.suppressed && s.customers > 0).map((s) => ({...s, label: segmentName(t, s.segment)}));
  return Plot.plot({
    width: 640,
    height: 28 * data.length + 40,
    marginLeft: 170,
    x: {label: t("value.customers"), grid: true},
    y: {label: null, domain: data.map((d) => d.label)},
    marks: [Plot.barX(data, {y: "label", x: "customers", fill: "var(--theme-foreground-focus)"}), Plot.ruleX([0])]
  });
}

/** The lifecycle funnel: prospects, new, active, dormant, lost, then ambassadors when NPS exists. */
export function lifecycleFunnel(stages, nps, t, k) {
  const rows = stages.map((s) => ({label: stageName(t, s.stage), description: stageText(t, s.stage), customers: s.customers, suppressed: s.suppressed}));
  const ambassadors = nps.respondents ? nps.groups.find((g) => g.group === "ambassadors") : null;
  if (ambassadors) rows.push({label: t("value.ambassadors"), description: "", customers: ambassadors.customers, suppressed: ambassadors.suppressed});
  const max = Math.max(1, ...rows.map((r) => r.customers ?? 0));
  return el(
    "table",
    {class: "assay-table", id: "value-lifecycle"},
    el("thead", {}, el("tr", {}, el("th", {}, t("value.stage")), el("th", {class: "num"}, t("value.customers")), el("th", {}, ""), el("th", {}, t("value.description")))),
    el(
      "tbody",
      {},
      rows.map((r) =>
        el(
          "tr",
          {},
          el("td", {}, el("strong", {}, r.label)),
          el("td", {class: "num"}, shown(r.customers, r.suppressed, t, k)),
          el("td", {}, el("span", {style: `display:inline-block;height:0.9em;background:var(--theme-foreground-focus);opacity:0.6;width:${r.suppressed ? 0 : Math.round((240 * (r.customers ?? 0)) / max)}px`})),
          el("td", {class: "muted"}, r.description)
        )
      )
    )
  );
}

/** NPS: the score and its groups, or a note when no record has a score. */
export function npsBlock(nps, t, k) {
  if (!nps.suppressed && !nps.respondents) return el("p", {class: "muted"}, t("value.nps.none"));
  if (nps.suppressed) return el("p", {}, t("value.suppressedNote", {k}));
  return el(
    "div",
    {},
    el("p", {}, t("value.nps.value", {nps: nps.nps, respondents: nps.respondents})),
    el(
      "table",
      {class: "assay-table"},
      el("tbody", {}, nps.groups.map((g) => el("tr", {}, el("td", {}, t(`value.nps.${g.group}`)), el("td", {class: "num"}, shown(g.customers, g.suppressed, t, k)))))
    )
  );
}

/** Migration matrix as row percentages; downgrade cells framed. */
export function migrationHeatmap(migration, t, k) {
  const label = (id) => segmentName(t, id);
  const rows = migration.rows.filter((r) => migration.cells.some((c) => c.from === r));
  const columns = migration.columns.filter((c) => migration.cells.some((x) => x.to === c));
  const cells = migration.cells.map((c) => ({...c, fromLabel: label(c.from), toLabel: label(c.to)}));
  return Plot.plot({
    width: Math.max(480, 90 * columns.length + 180),
    height: 34 * rows.length + 110,
    marginLeft: 170,
    marginBottom: 90,
    x: {label: t("value.migration.to", {date: t.date(migration.to)}), domain: columns.map(label), tickRotate: -35},
    y: {label: t("value.migration.from", {date: t.date(migration.from)}), domain: rows.map(label)},
    color: {type: "linear", scheme: "blues", domain: [0, 1]},
    marks: [
      Plot.cell(cells, {x: "toLabel", y: "fromLabel", fill: (d) => (d.suppressed ? null : d.share), inset: 1}),
      Plot.cell(
        cells.filter((d) => d.downgrade),
        {x: "toLabel", y: "fromLabel", stroke: "#c92a2a", strokeWidth: 2, fill: "none", inset: 2}
      ),
      Plot.text(cells, {
        x: "toLabel",
        y: "fromLabel",
        text: (d) => (d.suppressed ? t("value.suppressed", {k}) : t.percent(d.share)),
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke",
        title: (d) => `${label(d.from)} → ${label(d.to)}: ${d.suppressed ? t("value.suppressed", {k}) : t.number(d.customers)}${d.downgrade ? ` (${t("value.downgrade")})` : ""}`
      })
    ]
  });
}

/** Excluded and kept order lines. */
export function linesTable(lines, t) {
  return el(
    "table",
    {class: "assay-table", id: "value-lines"},
    el(
      "tbody",
      {},
      el("tr", {}, el("td", {}, t("value.lines.total")), el("td", {class: "num"}, t.number(lines.total))),
      Object.entries(lines.excluded).map(([reason, n]) => el("tr", {}, el("td", {}, t(`value.excluded.${reason}`)), el("td", {class: "num"}, t.number(n)))),
      el("tr", {}, el("td", {}, el("strong", {}, t("value.lines.kept"))), el("td", {class: "num"}, el("strong", {}, t.number(lines.kept))))
    )
  );
}
