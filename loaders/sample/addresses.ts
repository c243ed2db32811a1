/**
 * Postal addresses. French ones take a real (postcode, commune) pair from the
 * `codes-postaux` package (La Poste's base), so a clean record always passes
 * postcode.invalid and postcode.city_mismatch; the city is written as the
 * commune name, in capitals, without accents, or as the La Poste routing
 * label. Foreign ones follow their country's postcode format.
 */
import {createRequire} from "node:module";
import {fakerFR, fakerDE, fakerIT, fakerES, fakerEN_GB, fakerEN_US, fakerPT_PT, fakerNL} from "@faker-js/faker";
import {Rng, Weighted} from "./random.ts";

interface CodePostal {
  codePostal: string;
  nomCommune: string;
  libelleAcheminement: string;
}
const COMMUNES = createRequire(import.meta.url)("codes-postaux/codes-postaux.json") as CodePostal[];
let communeNames: Set<string> | undefined;
const COMMUNE_NAMES = {has: (key: string) => (communeNames ??= new Set(COMMUNES.flatMap((c) => [cityKey(c.nomCommune), cityKey(c.libelleAcheminement)]))).has(key)};

/** True when a word is also the name of a French commune (Paris, Fontaine…). */
export function isCommuneName(name: string): boolean {
  return COMMUNE_NAMES.has(cityKey(name));
}

/** Normalised commune name, the way postcode.city_mismatch compares them. */
export function cityKey(city: string): string {
  return city
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/\bCEDEX\b.*$/, "")
    .replace(/[^A-Z0-9]+/g, " ")
    .replace(/\bSTE\b/g, "SAINTE")
    .replace(/\bST\b/g, "SAINT")
    .trim();
}

/** Postcode → normalised names of its communes and routing labels. */
const NAMES_BY_POSTCODE = new Map<string, Set<string>>();
for (const c of COMMUNES) {
  const names = NAMES_BY_POSTCODE.get(c.codePostal) ?? new Set<string>();
  names.add(cityKey(c.nomCommune));
  names.add(cityKey(c.libelleAcheminement));
  NAMES_BY_POSTCODE.set(c.codePostal, names);
}

export function isFrenchPostcode(code: string): boolean {
  return NAMES_BY_POSTCODE.has(code);
}

/** True when `city` is a name of a commune of `postcode` (after normalisation). */
export function cityMatches(postcode: string, city: string): boolean {
  return NAMES_BY_POSTCODE.get(postcode)?.has(cityKey(city)) ?? false;
}

export interface Address {
  country: string; // ISO 3166 alpha-2
  line1: string;
  line2: string;
  postcode: string;
  city: string;
}

const unaccent = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");

const location = fakerFR.rawDefinitions.location!;
const STREET_TYPES = location.street_prefix!;
const STREET_NAMES = [...location.street_suffix!, "du Sacré-Cœur", "de l’Église", "des Œillets", "du Général de Gaulle", "Jean Jaurès", "Victor Hugo", "de la Gare", "des Écoles"];
const SECOND_LINES = ["Bât. A", "Bât. B", "Appt 12", "Apt 3", "Résidence les Pins", "Escalier C", "2e étage", "Chez M. et Mme Morel", "Lieu-dit les Granges", "BP 42"];

/** A French address drawn uniformly over (postcode, commune) pairs. */
export function frenchAddress(rng: Rng): Address {
  const commune = rng.pick(COMMUNES);
  const number = rng.int(1, 180);
  const bis = rng.chance(0.05) ? " bis" : "";
  const style = rng.next();
  const city =
    style < 0.45 ? commune.nomCommune : style < 0.7 ? commune.nomCommune.toUpperCase() : style < 0.8 ? unaccent(commune.nomCommune) : commune.libelleAcheminement;
  return {
    country: "FR",
    line1: `${number}${bis} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`,
    line2: rng.chance(0.15) ? rng.pick(SECOND_LINES) : "",
    postcode: commune.codePostal,
    city
  };
}

/** A commune name that is not a commune of `postcode` (for postcode.city_mismatch). */
export function otherCity(rng: Rng, postcode: string): string {
  for (;;) {
    const commune = rng.pick(COMMUNES);
    if (!cityMatches(postcode, commune.nomCommune)) return commune.nomCommune;
  }
}

/** Codes that look like French postcodes but do not exist. */
export const INVALID_FRENCH_POSTCODES = ["99999", "00000", "75000", "13000", "69000", "00100", "96000", "750011", "3100O", "ABCDE"].filter(
  (code) => !isFrenchPostcode(code)
);

/** Countries of international customers, with their weight among them. */
export const FOREIGN_COUNTRIES = new Weighted(["BE", "CH", "DE", "GB", "ES", "IT", "US", "LU", "PT", "NL"], [25, 20, 15, 12, 8, 8, 5, 4, 3, 3]);

const digits = (rng: Rng, n: number) => Array.from({length: n}, () => rng.int(0, 9)).join("");
const letters = (rng: Rng, set: string, n: number) => Array.from({length: n}, () => set[rng.int(0, set.length - 1)]).join("");

const FOREIGN_CITIES: Record<string, readonly string[]> = {
  BE: ["Bruxelles", "Liège", "Namur", "Charleroi", "Mons", "Anvers", "Gand", "Louvain-la-Neuve", "Tournai", "Wavre"],
  CH: ["Genève", "Lausanne", "Zürich", "Bâle", "Berne", "Fribourg", "Neuchâtel", "Sion", "Montreux", "Lugano"],
  LU: ["Luxembourg", "Esch-sur-Alzette", "Differdange", "Dudelange", "Ettelbruck"],
  DE: fakerDE.rawDefinitions.location!.city_name!,
  IT: fakerIT.rawDefinitions.location!.city_name!,
  ES: fakerES.rawDefinitions.location!.city_name!,
  GB: ["London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Brighton", "Oxford", "Cambridge", "York", "Bath"],
  US: ["New York", "Boston", "Chicago", "San Francisco", "Seattle", "Austin", "Miami", "Denver", "Portland", "Atlanta"],
  PT: fakerPT_PT.rawDefinitions.location!.city_name!,
  NL: ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Leiden", "Delft"]
};

const LAST_NAMES: Record<string, readonly string[]> = {
  DE: fakerDE.rawDefinitions.person!.last_name!.generic!,
  IT: fakerIT.rawDefinitions.person!.last_name!.generic!,
  ES: fakerES.rawDefinitions.person!.last_name!.generic!,
  GB: fakerEN_GB.rawDefinitions.person!.last_name!.generic!,
  US: fakerEN_US.rawDefinitions.person!.last_name!.generic!,
  PT: fakerPT_PT.rawDefinitions.person!.last_name!.generic ?? ["Silva", "Santos", "Ferreira"],
  NL: fakerNL.rawDefinitions.person!.last_name!.generic ?? ["Jansen", "de Vries", "Bakker"]
};

/** Postcode in the country's own format (always a valid one). */
function foreignPostcode(rng: Rng, country: string): string {
  switch (country) {
    case "BE":
    case "LU":
      return String(rng.int(1000, 9899));
    case "CH":
      return String(rng.int(1000, 9658));
    case "DE":
      return String(rng.int(10115, 99998));
    case "ES":
      return String(rng.int(1, 52)).padStart(2, "0") + String(rng.int(1, 999)).padStart(3, "0");
    case "IT":
      return String(rng.int(10010, 98168));
    case "US":
      return String(rng.int(10001, 99950));
    case "PT":
      return `${rng.int(1000, 9899)}-${digits(rng, 3)}`;
    case "NL":
      return `${rng.int(1000, 9899)} ${rng.pick(["AB", "BC", "CD", "EF", "GH", "JK", "KL", "MN", "PR", "TV", "WX", "XZ"])}`;
    case "GB":
      return `${rng.pick(["SW1A", "EC1A", "W1A", "M1", "B33", "CR2", "LS1", "G1", "EH1", "BS8", "OX1", "CB2", "NW3", "SE10", "N1"])} ${rng.int(0, 9)}${letters(rng, "ABDEFGHJLNPQRSTUWXYZ", 2)}`;
    default:
      throw new Error(`invalid country: ${country}`);
  }
}

function foreignStreet(rng: Rng, country: string): string {
  const n = rng.int(1, 150);
  const name = rng.pick(LAST_NAMES[country] ?? ["Royale", "de la Loi", "du Marché", "des Alpes"]).replace(/[^A-Za-zÀ-ÿ' -]/g, "");
  switch (country) {
    case "DE":
      return `${name}straße ${n}`;
    case "NL":
      return `${name}straat ${n}`;
    case "IT":
      return `Via ${name} ${n}`;
    case "ES":
      return `Calle ${name} ${n}`;
    case "PT":
      return `Rua ${name} ${n}`;
    case "GB":
    case "US":
      return `${n} ${name} ${rng.pick(["Street", "Road", "Avenue", "Lane", "Drive"])}`;
    default:
      return `${rng.pick(["Rue", "Avenue", "Chemin", "Place"])} ${name} ${n}`;
  }
}

const LATIN = /^[A-Za-zÀ-ÖØ-öø-ÿ' .-]+$/;

export function foreignAddress(rng: Rng, country: string): Address {
  const cities = FOREIGN_CITIES[country]!.filter((c) => LATIN.test(c));
  return {country, line1: foreignStreet(rng, country), line2: "", postcode: foreignPostcode(rng, country), city: rng.pick(cities)};
}

/** Country names: French (CRM), English. */
export const COUNTRY_NAMES_FR: Record<string, string> = {
  FR: "France", BE: "Belgique", CH: "Suisse", DE: "Allemagne", GB: "Royaume-Uni", ES: "Espagne",
  IT: "Italie", US: "États-Unis", LU: "Luxembourg", PT: "Portugal", NL: "Pays-Bas"
};
