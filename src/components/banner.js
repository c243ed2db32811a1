// The banner every page opens with: which mode the report is in.
import {el} from "../lib/dom.js";

export function modeBanner(meta, t) {
  return meta.mode === "consultant"
    ? el("div", {class: "assay-banner assay-banner-consultant", role: "alert"}, t("mode.consultant"))
    : el("div", {class: "assay-banner"}, t("mode.published", {k: meta.minCount}));
}
