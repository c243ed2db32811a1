// Page titles in both languages: the sidebar (observablehq.config.ts) and the pages share them.
const TITLES = {
  en: {overview: "Overview", sources: "Sources and profile", value: "Customer value", explorer: "Segment explorer"},
  fr: {overview: "Vue d’ensemble", sources: "Sources et profil", value: "Valeur client", explorer: "Explorateur de segments"}
};

export function pageTitles(language) {
  return TITLES[language] ?? TITLES.en;
}
