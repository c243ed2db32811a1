// Every message table, gathered: for the build machine only (the data loader
// of meta.json and the tests); pages get their language's table through
// data/meta.json. Each table exports `en` and `fr` with the same keys.
import * as core from "./core.js";
import * as value from "./value.js";
import * as quality from "./quality.js";
import * as segments from "./segments.ts";
import * as matching from "./matching.js";

const TABLES = [core, value, quality, segments, matching];

export const MESSAGES = {
  en: Object.assign({}, ...TABLES.map((m) => m.en)),
  fr: Object.assign({}, ...TABLES.map((m) => m.fr))
};
