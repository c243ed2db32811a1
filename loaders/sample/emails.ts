/**
 * E-mail addresses: clean ones built from the person's name on common
 * providers, and the defective kinds the rules look for. Every list here is
 * checked against the others at load: a clean domain is never disposable nor
 * a near miss, a typo domain is not itself disposable.
 */
import {createRequire} from "node:module";
import {Rng, Weighted, scramble} from "./random.ts";

const DISPOSABLE = new Set(createRequire(import.meta.url)("disposable-email-domains") as string[]);

/** Clean provider domains: French customers, then everyone else. */
const FRENCH_DOMAINS = new Weighted(
  ["gmail.com", "orange.fr", "hotmail.fr", "yahoo.fr", "free.fr", "wanadoo.fr", "sfr.fr", "laposte.net", "outlook.fr", "live.fr", "icloud.com", "hotmail.com"],
  [30, 12, 10, 8, 8, 5, 5, 5, 5, 3, 4, 3]
);
const FOREIGN_DOMAINS: Record<string, readonly string[]> = {
  BE: ["gmail.com", "skynet.be", "telenet.be", "hotmail.com"],
  CH: ["gmail.com", "bluewin.ch", "hotmail.com"],
  LU: ["gmail.com", "pt.lu", "hotmail.com"],
  DE: ["gmail.com", "web.de", "t-online.de", "freenet.de"],
  IT: ["gmail.com", "libero.it", "hotmail.com"],
  ES: ["gmail.com", "hotmail.com", "yahoo.com"],
  GB: ["gmail.com", "btinternet.com", "outlook.com", "yahoo.com"],
  US: ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"],
  PT: ["gmail.com", "sapo.pt", "hotmail.com"],
  NL: ["gmail.com", "ziggo.nl", "outlook.com"]
};

/**
 * email.domain_typo: one edit (deletion, insertion, substitution,
 * transposition) away from a provider above, French providers included.
 */
const TYPOS: Record<string, readonly string[]> = {
  "gmail.com": ["gmial.com", "gamil.com", "gmail.con", "gmal.com", "gnail.com", "gmaill.com"],
  "hotmail.fr": ["hotmial.fr", "hotmal.fr", "hotmail.fe", "hotmil.fr"],
  "hotmail.com": ["hotmial.com", "hotmail.co", "hotmal.com"],
  "yahoo.fr": ["yaho.fr", "yahooo.fr", "yahoo.ft"],
  "yahoo.com": ["yaho.com", "yahoo.cmo"],
  "orange.fr": ["orange.ff", "orang.fr", "oragne.fr"],
  "wanadoo.fr": ["wanadoo.fe", "wanado.fr", "wanaddo.fr"],
  "free.fr": ["free.ff", "frree.fr"],
  "laposte.net": ["lapost.net", "laposte.ner", "lapsote.net"],
  "outlook.fr": ["outlok.fr", "outllook.fr"],
  "outlook.com": ["outlok.com", "outlook.cm"],
  "icloud.com": ["iclould.com", "icoud.com"],
  "live.fr": ["live.ff"],
  "sfr.fr": ["sfr.ff"]
};
const ALL_TYPOS = Object.values(TYPOS).flat().filter((d) => !DISPOSABLE.has(d));

/** email.disposable: domains of the disposable-email-domains list. */
const DISPOSABLE_DOMAINS = ["jetable.org", "mailinator.com", "trashmail.com", "guerrillamail.com", "10minutemail.com"].filter((d) =>
  DISPOSABLE.has(d)
);

/** email.role: role-account local parts. */
export const ROLE_LOCAL_PARTS = ["contact", "info", "accueil", "compta", "admin", "commercial", "direction", "secretariat", "sav", "support"];
const TRADES = ["conseil", "immobilier", "boulangerie", "garage", "btp", "pharmacie", "avocats", "architecture", "transports", "services"];

/** Providers a typo rule may know of, ours and a few more. */
const PROVIDERS = [...new Set([...FRENCH_DOMAINS.items, ...Object.values(FOREIGN_DOMAINS).flat(), "live.com", "gmx.fr", "gmx.com", "aol.com", "msn.com", "neuf.fr", "bbox.fr", "numericable.fr", "aliceadsl.fr", "club-internet.fr", "protonmail.com", "me.com"])];

/** Damerau–Levenshtein distance (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

// Clean and disposable domains are at least 3 edits from every other provider,
// so that no reading of "near miss" takes them for typos; typo domains are
// not disposable and are not providers.
for (const d of [...FRENCH_DOMAINS.items, ...Object.values(FOREIGN_DOMAINS).flat(), ...DISPOSABLE_DOMAINS]) {
  const near = PROVIDERS.find((p) => p !== d && editDistance(p, d) < 3);
  if (near || (DISPOSABLE.has(d) && !DISPOSABLE_DOMAINS.includes(d)) || ALL_TYPOS.includes(d)) throw new Error(`invalid domain: ${d} (near ${near})`);
}
for (const d of ALL_TYPOS) if (PROVIDERS.includes(d)) throw new Error(`invalid typo domain: ${d}`);

/** Lower-case ASCII letters and hyphens of a name (accents dropped). */
export function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .toLowerCase()
    .replace(/[^a-z-]+/g, "")
    .replace(/^-+|-+$/g, "");
}

/**
 * A local part built from the name: jean.martin, jmartin, martin.jean,
 * jean.martin84… Most carry digits derived from the person's index (as
 * providers make people add when their name is taken), so that different
 * people rarely share an address.
 */
export function localPart(rng: Rng, first: string, last: string, index: number): string {
  const f = slug(first) || "client";
  const l = slug(last) || "martin";
  const n = String(scramble(index, 6, rng.int(0, 9)) % 10 ** rng.int(2, 4));
  switch (rng.int(0, 6)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f[0]}${l}${n}`;
    case 2:
      return `${f}.${l}${n}`;
    case 3:
      return `${l}.${f}${n}`;
    case 4:
      return `${f}${l}${rng.int(1950, 2005)}`;
    case 5:
      return `${f}_${l}${n}`;
    default:
      return `${f[0]}.${l}.${n}`;
  }
}

export function cleanDomain(rng: Rng, country: string): string {
  const foreign = FOREIGN_DOMAINS[country];
  return foreign ? rng.pick(foreign) : FRENCH_DOMAINS.draw(rng);
}

export function typoDomain(rng: Rng, domain: string): string {
  const typos = (TYPOS[domain] ?? TYPOS["gmail.com"]!).filter((d) => !DISPOSABLE.has(d));
  return rng.pick(typos);
}

export function disposableDomain(rng: Rng): string {
  return rng.pick(DISPOSABLE_DOMAINS);
}

export function roleAddress(rng: Rng, last: string): string {
  return `${rng.pick(ROLE_LOCAL_PARTS)}@${slug(last) || "martin"}-${rng.pick(TRADES)}.fr`;
}

/**
 * email.syntax: breaks a clean address so that it is unusable, without
 * leaving a domain that is a near miss of a provider.
 */
export function brokenAddress(rng: Rng, local: string, domain: string): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `${local}${domain}`; // no @
    case 1:
      return `${local}@@${domain}`;
    case 2:
      return `${local.replace(/[._]/, " ") === local ? `${local} ` + "x" : local.replace(/[._]/, " ")}@${domain}`; // a space
    case 3:
      return `${local}@${domain.split(".")[0]}`; // no top-level domain
    case 4:
      return `${local.includes(".") ? local.replace(".", "..") : `${local}..x`}@${domain}`; // two dots in a row
    default:
      return `${local}.@${domain}`; // dot before @
  }
}
