/**
 * Person names: French first names with a realistic skew (a few frequent
 * names, a long tail from faker's French lists), mixed names that either
 * gender carries, nicknames for duplicates, surnames, and foreign names by
 * country from faker's locales.
 */
import {fakerFR, fakerDE, fakerES, fakerIT, fakerEN_GB, fakerEN_US, fakerPT_PT, fakerNL} from "@faker-js/faker";
import {Rng, Weighted} from "./random.ts";
import {isCommuneName} from "./addresses.ts";

export type Gender = "M" | "F";

const FR_MALE = [
  "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick", "Laurent", "Thomas",
  "Julien", "François", "Éric", "Stéphane", "David", "Frédéric", "Sébastien", "Daniel", "Olivier", "Bernard",
  "Antoine", "Jacques", "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Léo", "Mathieu", "Vincent",
  "Guillaume", "Romain", "Alexandre", "Maxime", "Benoît", "Jérôme", "Emmanuel", "Thierry", "Raphaël", "Jules"
];
const FR_FEMALE = [
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine", "Sophie", "Valérie", "Sandrine",
  "Céline", "Julie", "Aurélie", "Émilie", "Stéphanie", "Caroline", "Laura", "Manon", "Chloé", "Léa",
  "Camille", "Emma", "Jade", "Louise", "Alice", "Anne", "Hélène", "Martine", "Monique", "Élodie",
  "Pauline", "Charlotte", "Inès", "Zoé", "Lætitia", "Agnès", "Brigitte", "Véronique", "Mélanie", "Virginie"
].filter((n) => n !== "Camille");

/** First names that either gender carries: never a civility mismatch. */
export const MIXED_NAMES: readonly string[] = ["Camille", "Dominique", "Claude", "Sacha", "Alix", "Charlie"];

/** Short forms a person gives on a second registration. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Alexandre: "Alex", Frédéric: "Fred", Emmanuel: "Manu", Nicolas: "Nico", Christophe: "Chris",
  Sébastien: "Seb", Guillaume: "Guigui", Catherine: "Cathy", Christine: "Christie", Stéphanie: "Steph",
  Isabelle: "Isa", Valérie: "Val", Aurélie: "Aurél", Caroline: "Caro", Mathieu: "Mat", Jérôme: "Jérém",
  Maxime: "Max", Véronique: "Véro", Élodie: "Lodie", Raphaël: "Raph", Virginie: "Virgi", Sandrine: "Sandy"
};

const PLAIN_NAME = /^[A-Za-zÀ-ÖØ-öø-ÿœŒ' -]{2,}$/;
const usable = (names: readonly string[] = []) => names.filter((n) => PLAIN_NAME.test(n));

/** Frequent names first (weights decreasing), then faker's tail with a small flat weight. */
function firstNames(common: readonly string[], tail: readonly string[] | undefined, other: readonly string[]): Weighted<string> {
  const banned = new Set([...common, ...other, ...MIXED_NAMES]);
  const rest = usable(tail).filter((n) => !banned.has(n));
  return new Weighted([...common, ...rest], [...common.map((_, k) => 40 / (k + 4)), ...rest.map(() => 0.02)]);
}

const frFirst = fakerFR.rawDefinitions.person!.first_name!;
const FRENCH: Record<Gender, Weighted<string>> = {
  M: firstNames(FR_MALE, frFirst.male, [...FR_FEMALE, ...(frFirst.female ?? [])]),
  F: firstNames(FR_FEMALE, frFirst.female, [...FR_MALE, ...(frFirst.male ?? [])])
};
const MIXED = new Weighted(MIXED_NAMES, [6, 3, 2, 1, 1, 1]);

/** The most frequent French first names of each gender: where civility mismatches are injected. */
export const FREQUENT_NAMES: Readonly<Record<Gender, readonly string[]>> = {M: FR_MALE.slice(0, 20), F: FR_FEMALE.slice(0, 20)};

const FR_SURNAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
  "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
  "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
  "Le Gall", "Le Goff", "Lebœuf", "Cœurdevey", "Hébert", "Ménard", "Gérard", "Rémy", "Noël", "Hoarau",
  "Da Silva", "Nguyen", "Benali", "Haddad", "Kowalski", "D’Almeida", "N’Diaye", "Poirier", "Besnard", "Héraud"
];
// a surname that is also a town (Paris, Fontaine…) would make town names look like people's names
const SURNAME_TAIL = usable(fakerFR.rawDefinitions.person!.last_name!.generic).filter((n) => !FR_SURNAMES.includes(n) && !isCommuneName(n));
const SURNAMES = new Weighted([...FR_SURNAMES, ...SURNAME_TAIL], [...FR_SURNAMES.map((_, k) => 10 / (k + 10)), ...SURNAME_TAIL.map(() => 0.15)]);

interface Locale {
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
}
function locale(faker: typeof fakerFR): Locale {
  const person = faker.rawDefinitions.person!;
  return {
    male: usable(person.first_name!.male),
    female: usable(person.first_name!.female),
    last: usable(person.last_name!.generic ?? person.last_name!.male)
  };
}
const FOREIGN: Record<string, Locale> = {
  DE: locale(fakerDE),
  ES: locale(fakerES),
  IT: locale(fakerIT),
  GB: locale(fakerEN_GB),
  US: locale(fakerEN_US),
  PT: locale(fakerPT_PT),
  NL: locale(fakerNL)
};

export interface PersonName {
  gender: Gender;
  first: string;
  last: string;
  /** True when the first name is carried by both genders. */
  mixed: boolean;
}

/** A name for a person living in `country` (French names for FR, BE, CH, LU). */
export function drawName(rng: Rng, country: string): PersonName {
  const gender: Gender = rng.chance(0.52) ? "F" : "M";
  const foreign = FOREIGN[country];
  if (foreign) {
    return {gender, first: rng.pick(gender === "M" ? foreign.male : foreign.female), last: rng.pick(foreign.last), mixed: false};
  }
  const mixed = rng.chance(0.03);
  return {gender, first: mixed ? MIXED.draw(rng) : FRENCH[gender].draw(rng), last: SURNAMES.draw(rng), mixed};
}
