// Page titles in both languages: the sidebar (observablehq.config.ts) and the pages share them.
const TITLES = {
  en: {overview: "Overview", sources: "Sources and profile", customers: "Single customer view", duplicates: "Duplicates", value: "Customer value", explorer: "Segment explorer",
    completeness: "Completeness", validity: "Validity rules", consistency: "Consistency", freshness: "Freshness", consent: "Consent and contactability", methodology: "Methodology"},
  fr: {overview: "Vue d’ensemble", sources: "Sources et profil", customers: "Vue client unique", duplicates: "Doublons", value: "Valeur client", explorer: "Explorateur de segments",
    completeness: "Complétude", validity: "Règles de validité", consistency: "Cohérence", freshness: "Fraîcheur", consent: "Consentement et joignabilité", methodology: "Méthodologie"}
};

export function pageTitles(language) {
  return TITLES[language] ?? TITLES.en;
}
