// Every label of the report, in English and French. `translator(language)`
// returns t(key, values) that fills {name} placeholders; a missing key is an
// error in the tests (test/src/i18n-test.ts), never a silent fallback.
import {pageTitles} from "./pages.js";

export const MESSAGES = {
  en: {
    "mode.published": "Published report: aggregates and masked examples only; values seen fewer than {k} times are not shown.",
    "mode.consultant": "Consultant mode: this report holds record-level personal data. Keep it on this machine; do not publish it.",
    "overview.lead": "Audit of {sources} sources as of {asOf}.",
    "overview.noAsOf": "Audit of {sources} sources.",
    "overview.sources": "Sources",
    "overview.records": "Rows read",
    "overview.loaded": "Loaded",
    "overview.rejected": "Rejected",
    "overview.columns": "Columns",
    "overview.kind": "Kind",
    "overview.files": "Files",
    "kind.customers": "customers",
    "kind.orders": "orders",
    "sources.lead": "Every file of every source: how it was read, what was loaded and rejected, and the profile of each column.",
    "sources.file": "File",
    "sources.format": "Format",
    "sources.encoding": "Encoding",
    "sources.delimiter": "Separator",
    "sources.read": "Rows read",
    "sources.loaded": "Loaded",
    "sources.rejected": "Rejected",
    "sources.blank": "Blank lines skipped",
    "sources.balance": "{loaded} loaded + {rejected} rejected = {read} rows read.",
    "sources.rejects": "Rejected rows",
    "sources.rejectsMore": "The first {shown} of {total} rejected rows; all of them are in rejects.csv.",
    "sources.line": "Line",
    "sources.reason": "Reason",
    "sources.text": "Content",
    "sources.noRejects": "No row was rejected.",
    "sources.roles": "Column roles",
    "sources.roleDetected": "detected from the header",
    "sources.roleConfigured": "set in the configuration",
    "sources.profile": "Column profile",
    "profile.column": "Column",
    "profile.role": "Role",
    "profile.type": "Type",
    "profile.filled": "Filled",
    "profile.fillRate": "Fill rate",
    "profile.missing": "Missing",
    "profile.distinct": "Distinct",
    "profile.length": "Length",
    "profile.min": "Min",
    "profile.max": "Max",
    "profile.top": "Most frequent values",
    "profile.patterns": "Value patterns",
    "profile.histogram": "Distribution",
    "profile.histogramLength": "Distribution of lengths",
    "profile.count": "Count",
    "profile.masked": "values masked or hidden (personal data or free text)",
    "profile.none": "—",
    "delimiter.tab": "tab"
  },
  fr: {
    "mode.published": "Rapport publié : agrégats et exemples masqués seulement ; les valeurs vues moins de {k} fois ne sont pas montrées.",
    "mode.consultant": "Mode consultant : ce rapport contient des données personnelles au niveau de l’enregistrement. Gardez-le sur ce poste ; ne le publiez pas.",
    "overview.lead": "Audit de {sources} sources au {asOf}.",
    "overview.noAsOf": "Audit de {sources} sources.",
    "overview.sources": "Sources",
    "overview.records": "Lignes lues",
    "overview.loaded": "Chargées",
    "overview.rejected": "Rejetées",
    "overview.columns": "Colonnes",
    "overview.kind": "Nature",
    "overview.files": "Fichiers",
    "kind.customers": "clients",
    "kind.orders": "commandes",
    "sources.lead": "Chaque fichier de chaque source : comment il a été lu, ce qui a été chargé et rejeté, et le profil de chaque colonne.",
    "sources.file": "Fichier",
    "sources.format": "Format",
    "sources.encoding": "Encodage",
    "sources.delimiter": "Séparateur",
    "sources.read": "Lignes lues",
    "sources.loaded": "Chargées",
    "sources.rejected": "Rejetées",
    "sources.blank": "Lignes vides ignorées",
    "sources.balance": "{loaded} chargées + {rejected} rejetées = {read} lignes lues.",
    "sources.rejects": "Lignes rejetées",
    "sources.rejectsMore": "Les {shown} premières des {total} lignes rejetées ; toutes sont dans rejects.csv.",
    "sources.line": "Ligne",
    "sources.reason": "Motif",
    "sources.text": "Contenu",
    "sources.noRejects": "Aucune ligne rejetée.",
    "sources.roles": "Rôles des colonnes",
    "sources.roleDetected": "détecté d’après l’en-tête",
    "sources.roleConfigured": "fixé dans la configuration",
    "sources.profile": "Profil des colonnes",
    "profile.column": "Colonne",
    "profile.role": "Rôle",
    "profile.type": "Type",
    "profile.filled": "Renseignées",
    "profile.fillRate": "Taux de remplissage",
    "profile.missing": "Manquantes",
    "profile.distinct": "Distinctes",
    "profile.length": "Longueur",
    "profile.min": "Min",
    "profile.max": "Max",
    "profile.top": "Valeurs les plus fréquentes",
    "profile.patterns": "Formes des valeurs",
    "profile.histogram": "Distribution",
    "profile.histogramLength": "Distribution des longueurs",
    "profile.count": "Nombre",
    "profile.masked": "valeurs masquées ou cachées (données personnelles ou texte libre)",
    "profile.none": "—",
    "delimiter.tab": "tabulation"
  }
};

export const LOCALES = {en: "en-GB", fr: "fr-FR"};

export function translator(language) {
  const messages = MESSAGES[language] ?? MESSAGES.en;
  const locale = LOCALES[language] ?? LOCALES.en;
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {style: "percent", maximumFractionDigits: 1});
  const date = new Intl.DateTimeFormat(locale, {dateStyle: "long", timeZone: "UTC"});
  function t(key, values = {}) {
    const message = messages[key];
    if (message === undefined) throw new Error(`no ${language} text for "${key}"`);
    return message.replace(/\{(\w+)\}/g, (_, name) => {
      const value = values[name];
      return typeof value === "number" ? number.format(value) : String(value ?? "");
    });
  }
  t.language = language;
  t.locale = locale;
  t.number = (n) => (n === null || n === undefined ? "—" : number.format(n));
  t.percent = (x) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : percent.format(x));
  t.date = (iso) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "—");
  t.page = pageTitles(language);
  return t;
}
