/**
 * E-mail addresses: clean ones built from the person's name on common
 * providers, and the defective kinds the rules look for. Every list here is
 * checked against the others at load: a clean domain is never disposable nor
 * a near miss, a typo domain is not itself disposable.
 */
import {createRequire} from "node:module";
import {Rng, Weighted} from "./random.ts";

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
  DE: ["gmail.com", "gmx.de", "web.de", "t-online.de"],
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
const DISPOSABLE_DOMAINS = ["yopmail.com", "yopmail.fr", "jetable.org", "mailinator.com", "trashmail.com", "guerrillamail.com", "10minutemail.com"].filter((d) =>
  DISPOSABLE.has(d)
);

/** email.role: role-account local parts. */
export const ROLE_LOCAL_PARTS = ["contact", "info", "accueil", "compta", "admin", "commercial", "direction", "secretariat", "sav", "support"];
const TRADES = ["conseil", "immobilier", "boulangerie", "garage", "btp", "pharmacie", "avocats", "architecture", "transports", "services"];

for (const d of [...FRENCH_DOMAINS.items, ...Object.values(FOREIGN_DOMAINS).flat()]) {
  if (DISPOSABLE.has(d) || ALL_TYPOS.includes(d)) throw new Error(`invalid clean domain: ${d}`);
}

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

/** A local part built from the name: jean.martin, jmartin, martin.jean, jean.martin84… */
export function localPart(rng: Rng, first: string, last: string): string {
  const f = slug(first) || "client";
  const l = slug(last) || "martin";
  switch (rng.int(0, 5)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f[0]}${l}`;
    case 2:
      return `${f}.${l}${rng.int(1, 99)}`;
    case 3:
      return `${l}.${f}`;
    case 4:
      return `${f}${l}${rng.int(1950, 2005)}`;
    default:
      return `${f}_${l}`;
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
