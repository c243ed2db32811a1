// The report site. Everything it loads comes from this machine: no CDN, no
// third-party fonts, no telemetry (OBSERVABLE_TELEMETRY_DISABLE is set by
// every script that runs Framework).
import {loadConfig} from "./loaders/config/load.ts";
import {pageTitles} from "./src/lib/pages.js";

const {config} = loadConfig(process.env.ASSAY_CONFIG);
const titles = pageTitles(config.language);

export default {
  title: config.title,
  root: "src",
  output: "dist",
  pages: [
    {name: titles.sources, path: "/sources"},
    {name: titles.customers, path: "/customers"},
    {name: titles.duplicates, path: "/duplicates"},
    {name: titles.completeness, path: "/completeness"},
    {name: titles.validity, path: "/validity"},
    {name: titles.consistency, path: "/consistency"},
    {name: titles.freshness, path: "/freshness"},
    {name: titles.consent, path: "/consent"},
    {name: titles.value, path: "/value"},
    {name: titles.explorer, path: "/explorer"},
    {name: titles.methodology, path: "/methodology"}
  ],
  // the default loads a font from Google: nothing from third parties here
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  header: "",
  footer: "",
  search: false,
  toc: true,
  pager: true,
  cleanUrls: false,
  linkify: false,
  typographer: false
};
