/**
 * SQL expressions that normalise the text of customer fields: names, addresses,
 * postcodes, cities, emails. Each renders SQL from an input expression and never
 * overwrites the raw value (the record table keeps both).
 */
import {literal, literalList} from "../db/sql.ts";

const PLACEHOLDERS = ["x", "xx", "xxx", "nc", "na", "nr", "inconnu", "inconnue", "unknown", "none", "null", "test", "aucun", "vide"];

/** Lower case, accents stripped, anything but letters and digits becomes one space; NULL when empty or a placeholder. */
export function cleanSql(expr: string, keep = "a-z0-9"): string {
  const text = `trim(regexp_replace(lower(strip_accents(trim(CAST(${expr} AS VARCHAR)))), '[^${keep}]+', ' ', 'g'))`;
  // Through a one-element list so that the text is computed once, not once per test.
  return `(list_filter([${text}], x -> x <> '' AND x NOT IN ${literalList(PLACEHOLDERS)})[1])`;
}

const CIVILITY = "(m|mr|mrs|ms|mme|mlle|miss|mx|dr|pr|me|monsieur|madame|mademoiselle|mister)";

/** A full name without its civility, as raw text. */
export function stripCivilitySql(expr: string): string {
  return `trim(regexp_replace(trim(CAST(${expr} AS VARCHAR)), '(?i)^${CIVILITY}\\.?\\s+', ''))`;
}

/** The list of words of a full name (civility dropped). */
function tokensSql(expr: string): string {
  return `list_filter(string_split(regexp_replace(${stripCivilitySql(expr)}, '\\s+', ' ', 'g'), ' '), t -> t <> '')`;
}

const UPPER_WORD = `'[\\p{Lu}''\\-]{2,}'`;

/**
 * First and last name out of a full name: words in capitals are the last name
 * ("DUPONT Jean Pierre"), else the first word is the first name ("Jean Dupont").
 */
export function splitFullNameSql(expr: string): {first: string; last: string} {
  const tokens = tokensSql(expr);
  const upper = `list_filter(${tokens}, t -> regexp_full_match(t, ${UPPER_WORD}))`;
  const lower = `list_filter(${tokens}, t -> NOT regexp_full_match(t, ${UPPER_WORD}))`;
  const byCase = `len(${upper}) BETWEEN 1 AND len(${tokens}) - 1`;
  return {
    first: `(CASE WHEN ${byCase} THEN array_to_string(${lower}, ' ') WHEN len(${tokens}) >= 2 THEN ${tokens}[1] END)`,
    last: `(CASE WHEN ${byCase} THEN array_to_string(${upper}, ' ') WHEN len(${tokens}) >= 2 THEN array_to_string(${tokens}[2:], ' ') ELSE ${tokens}[1] END)`
  };
}

/** Words after which a second surname follows: née (birth name after), épouse (married name after). */
const MAIDEN = "(nee|ne|born|geb|ep|epse|epouse|veuve|vve)";

/** Name before "née"/"épouse" (or the whole name), cleaned. */
export function primaryNameSql(cleaned: string): string {
  return `nullif(trim(regexp_replace(${cleaned}, '\\s${MAIDEN}\\s.*$', '')), '')`;
}

/** Name after "née"/"épouse", cleaned, or NULL. */
export function otherNameSql(cleaned: string): string {
  return `nullif(regexp_extract(${cleaned}, '\\s${MAIDEN}\\s(.*)$', 2), '')`;
}

const PARTICLES = "(de|du|des|la|le|les|l|d|van|von|der|den|ten|ter|di|da|del|della|dos|das|mc)";

/** A name without its leading particles ("de la fontaine" → "fontaine"). */
export function withoutParticlesSql(cleaned: string): string {
  return `regexp_replace(${cleaned}, '^(${PARTICLES}\\s)+(\\S)', '\\3')`;
}

/** The comparison key of a name: words joined without spaces ("le gall", "le-gall", "legall"). */
export function nameKeySql(cleaned: string): string {
  return `nullif(replace(${cleaned}, ' ', ''), '')`;
}

/** French and English street abbreviations, applied in order (first match wins for "st"). */
const ABBREVIATIONS: [string, string][] = [
  ["st$", "street"],
  ["st", "saint"],
  ["ste", "sainte"],
  ["bd|bld|blvd|boul", "boulevard"],
  ["av|ave|aven", "avenue"],
  ["r", "rue"],
  ["chem|ch", "chemin"],
  ["rte", "route"],
  ["apt|appt|app", "appartement"],
  ["pl", "place"],
  ["imp", "impasse"],
  ["fbg|faub", "faubourg"],
  ["sq", "square"],
  ["res|resid", "residence"],
  ["bat|bt", "batiment"],
  ["esc", "escalier"],
  ["qu|qua", "quai"],
  ["rd", "road"],
  ["ln", "lane"],
  ["dr", "drive"],
  ["ct", "court"],
  ["cres|cr", "crescent"],
  ["cct|cir", "circuit"],
  ["pde", "parade"],
  ["hwy", "highway"],
  ["tce|terr", "terrace"],
  ["pk", "park"]
];

/** Address lines joined, cleaned, abbreviations expanded word by word in one pass; NULL when empty. */
export function addressSql(...lines: string[]): string {
  const cleaned = cleanSql(`concat_ws(' ', ${lines.map((l) => `nullif(trim(CAST(${l} AS VARCHAR)), '')`).join(", ")})`);
  const last = ABBREVIATIONS.filter(([abbr]) => abbr.endsWith("$"));
  const anywhere = ABBREVIATIONS.filter(([abbr]) => !abbr.endsWith("$"));
  const word = (abbr: string) => abbr.replace(/\$$/, "").split("|");
  const cases = [
    ...last.map(([abbr, full]) => `WHEN i = len(words) AND w IN ${literalList(word(abbr))} THEN ${literal(full)}`),
    ...anywhere.map(([abbr, full]) => `WHEN w IN ${literalList(word(abbr))} THEN ${literal(full)}`)
  ];
  return `list_transform([${cleaned}], text -> CASE WHEN text IS NOT NULL THEN
    list_transform([string_split(text, ' ')], words -> array_to_string(list_transform(words, (w, i) -> CASE ${cases.join(" ")} ELSE w END), ' '))[1] END)[1]`;
}

/** Postcode without spaces or dashes, upper case; French 4-digit codes get their leading zero. */
export function postcodeSql(expr: string, country: string): string {
  const code = `upper(regexp_replace(trim(CAST(${expr} AS VARCHAR)), '[^0-9A-Za-z]', '', 'g'))`;
  const padded = country === "FR" ? `CASE WHEN regexp_full_match(${code}, '\\d{4}') THEN '0' || ${code} ELSE ${code} END` : code;
  return `(CASE WHEN ${code} = '' OR regexp_full_match(${code}, '0+') THEN NULL ELSE ${padded} END)`;
}

/** City cleaned, "st"/"ste" expanded, CEDEX and district numbers dropped. */
export function citySql(expr: string): string {
  const cleaned = cleanSql(expr);
  const saint = `regexp_replace(regexp_replace(${cleaned}, '\\bst\\b', 'saint', 'g'), '\\bste\\b', 'sainte', 'g')`;
  return `nullif(trim(regexp_replace(${saint}, '(\\scedex)?(\\s\\d+)*$', '')), '')`;
}

/** Email lower-cased and trimmed, NULL unless it looks like an address. */
export function emailSql(expr: string): string {
  const e = `lower(trim(CAST(${expr} AS VARCHAR)))`;
  return `(CASE WHEN regexp_full_match(${e}, '[^@\\s]+@[^@\\s]+\\.[a-z]{2,}') THEN ${e} END)`;
}

/** Email key: +tags dropped; for gmail/googlemail, dots dropped too and one domain. */
export function emailKeySql(email: string): string {
  const local = `regexp_replace(split_part(${email}, '@', 1), '\\+.*$', '')`;
  const domain = `split_part(${email}, '@', 2)`;
  return `(CASE WHEN ${domain} IN ('gmail.com', 'googlemail.com') THEN replace(${local}, '.', '') || '@gmail.com'
    ELSE ${local} || '@' || ${domain} END)`;
}
