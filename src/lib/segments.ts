/**
 * Customer value vocabulary shared by the engine and the site: the default RFM
 * segment map (R range × F range → segment id), the value ladder used to flag
 * downgrades in the migration matrix, lifecycle stages, and their French and
 * English labels with plain-language descriptions.
 *
 * Segment ids are a contract (they appear in rfm.csv); labels are for people.
 */

export type Language = "fr" | "en";

/** One cell range of a segment map: scores from `r[0]` to `r[1]` and `f[0]` to `f[1]`, inclusive. */
export interface SegmentRule {
  name: string;
  r: readonly [number, number];
  f: readonly [number, number];
}

/**
 * The default map (design/rfm.md), listed from the most to the least valuable:
 * this order is also the value ladder. It covers all 25 R × F cells.
 */
export const DEFAULT_SEGMENTS: readonly SegmentRule[] = [
  {name: "champions", r: [5, 5], f: [4, 5]},
  {name: "loyal", r: [3, 4], f: [4, 5]},
  {name: "potential_loyalists", r: [4, 5], f: [2, 3]},
  {name: "new_customers", r: [5, 5], f: [1, 1]},
  {name: "promising", r: [4, 4], f: [1, 1]},
  {name: "need_attention", r: [3, 3], f: [3, 3]},
  {name: "about_to_sleep", r: [3, 3], f: [1, 2]},
  {name: "at_risk", r: [1, 2], f: [3, 4]},
  {name: "cant_lose", r: [1, 2], f: [5, 5]},
  {name: "hibernating", r: [1, 2], f: [1, 2]}
];

/** Segment of a customer whose R × F cell no rule of a custom map covers. */
export const UNMAPPED_SEGMENT = "other";

/** Row of the migration matrix for customers with no order before the first date. */
export const NEW_ROW = "new";

/**
 * The value ladder: segment ids from the most to the least valuable. A move
 * from one segment to a segment further down the ladder is a downgrade
 * (champions → at_risk, loyal → about_to_sleep, new_customers → promising…).
 * For a custom map the ladder is the order of its rules, first = most valuable;
 * `other` always sits at the bottom and the `new` row is never a downgrade.
 */
export function valueLadder(segments: readonly SegmentRule[] = DEFAULT_SEGMENTS): string[] {
  const names = [...new Set(segments.map((s) => s.name))];
  return names.includes(UNMAPPED_SEGMENT) ? names : [...names, UNMAPPED_SEGMENT];
}

/** True when moving from segment `from` to segment `to` goes down the ladder. */
export function isDowngrade(from: string, to: string, ladder: readonly string[] = valueLadder()): boolean {
  if (from === NEW_ROW) return false;
  const a = ladder.indexOf(from);
  const b = ladder.indexOf(to);
  return a >= 0 && b >= 0 && b > a;
}

export const LIFECYCLE_STAGES = ["prospect", "new", "active", "dormant", "lost"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

interface Text {
  label: string;
  description: string;
}

export const SEGMENT_TEXT: Record<string, Record<Language, Text>> = {
  champions: {
    en: {label: "Champions", description: "Bought recently, buy often: your best customers."},
    fr: {label: "Champions", description: "Ont acheté récemment et achètent souvent : vos meilleurs clients."}
  },
  loyal: {
    en: {label: "Loyal", description: "Buy often, fairly recently: the backbone of the business."},
    fr: {label: "Fidèles", description: "Achètent souvent, assez récemment : le socle de l'activité."}
  },
  potential_loyalists: {
    en: {label: "Potential loyalists", description: "Recent customers with a few orders: could become loyal."},
    fr: {label: "Fidèles en devenir", description: "Clients récents avec quelques commandes : peuvent devenir fidèles."}
  },
  new_customers: {
    en: {label: "New customers", description: "Bought very recently, only once so far."},
    fr: {label: "Nouveaux clients", description: "Ont acheté très récemment, une seule fois pour l'instant."}
  },
  promising: {
    en: {label: "Promising", description: "Bought recently, only once: worth a second-order offer."},
    fr: {label: "Prometteurs", description: "Ont acheté récemment, une seule fois : à relancer pour une deuxième commande."}
  },
  need_attention: {
    en: {label: "Need attention", description: "Average recency and frequency: may slip without a nudge."},
    fr: {label: "À surveiller", description: "Récence et fréquence moyennes : risquent de décrocher sans relance."}
  },
  about_to_sleep: {
    en: {label: "About to sleep", description: "Few orders, not recently: fading away."},
    fr: {label: "En train de s'endormir", description: "Peu de commandes, pas récemment : s'éloignent."}
  },
  at_risk: {
    en: {label: "At risk", description: "Used to buy often, but not for a long time."},
    fr: {label: "À risque", description: "Achetaient souvent, mais plus depuis longtemps."}
  },
  cant_lose: {
    en: {label: "Can't lose them", description: "Among the most frequent buyers, silent for a long time: win them back."},
    fr: {label: "À ne pas perdre", description: "Parmi les plus fréquents, silencieux depuis longtemps : à reconquérir."}
  },
  hibernating: {
    en: {label: "Hibernating", description: "Few orders, long ago: low engagement."},
    fr: {label: "En hibernation", description: "Peu de commandes, il y a longtemps : faible engagement."}
  },
  other: {
    en: {label: "Other", description: "Scores that no rule of the segment map covers."},
    fr: {label: "Autres", description: "Scores qu'aucune règle de la carte des segments ne couvre."}
  },
  new: {
    en: {label: "New since", description: "No order before the first date of the comparison."},
    fr: {label: "Nouveaux depuis", description: "Aucune commande avant la première date de la comparaison."}
  }
};

export const LIFECYCLE_TEXT: Record<LifecycleStage, Record<Language, Text>> = {
  prospect: {
    en: {label: "Prospects", description: "Known customer records with no order yet."},
    fr: {label: "Prospects", description: "Clients connus sans aucune commande."}
  },
  new: {
    en: {label: "New", description: "One order, placed within the new-customer window (90 days by default)."},
    fr: {label: "Nouveaux", description: "Une commande, passée dans la fenêtre des nouveaux clients (90 jours par défaut)."}
  },
  active: {
    en: {label: "Active", description: "Last order within the active window (365 days by default), past the new-customer stage."},
    fr: {label: "Actifs", description: "Dernière commande dans la fenêtre d'activité (365 jours par défaut), au-delà du stade de nouveau client."}
  },
  dormant: {
    en: {label: "Dormant", description: "Last order between the active and dormant windows (365–730 days by default)."},
    fr: {label: "Dormants", description: "Dernière commande entre les fenêtres d'activité et de dormance (365–730 jours par défaut)."}
  },
  lost: {
    en: {label: "Lost", description: "Last order beyond the dormant window (more than 730 days by default)."},
    fr: {label: "Perdus", description: "Dernière commande au-delà de la fenêtre de dormance (plus de 730 jours par défaut)."}
  }
};

/** Label of a segment id in a language; an id without a translation (custom maps) is shown as written. */
export function segmentLabel(id: string, language: Language = "en"): string {
  return SEGMENT_TEXT[id]?.[language].label ?? id;
}

/** Plain-language description of a segment id, or "" for ids without one. */
export function segmentDescription(id: string, language: Language = "en"): string {
  return SEGMENT_TEXT[id]?.[language].description ?? "";
}

export function lifecycleLabel(stage: LifecycleStage, language: Language = "en"): string {
  return LIFECYCLE_TEXT[stage][language].label;
}
