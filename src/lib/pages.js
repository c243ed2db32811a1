// Page titles in both languages: the sidebar (observablehq.config.ts) and the pages share them.
const TITLES = {
  en: {overview: "Overview", sources: "Sources and profile"},
  fr: {overview: "Vue d’ensemble", sources: "Sources et profil"}
};

export function pageTitles(language) {
  return TITLES[language] ?? TITLES.en;
}
