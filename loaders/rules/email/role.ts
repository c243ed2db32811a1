/**
 * email.role — the local part of a usable address is a role account rather
 * than a person (`contact@`, `info@`, `accueil@`, `compta@`, `noreply@`…),
 * in French or English; a `+tag` is ignored. Informational: such an address
 * reaches a company, not the customer.
 */
import {literalList} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {emailFacts} from "../lookups/emails.ts";

export const ROLE_ACCOUNTS: readonly string[] = [
  // French
  "contact", "contacts", "info", "infos", "information", "informations", "accueil", "compta", "comptabilite",
  "commercial", "commerciale", "commerciaux", "sav", "service.client", "serviceclient", "service-client",
  "service.clients", "serviceclients", "service-clients", "relation.client", "relationclient", "direction",
  "secretariat", "administratif", "administration", "facturation", "factures", "facture", "devis",
  "recrutement", "emploi", "rh", "ressources.humaines", "boutique", "magasin", "vente", "ventes", "mairie",
  "ne-pas-repondre", "nepasrepondre", "ne_pas_repondre", "bonjour", "equipe", "presse", "communication",
  "commande", "commandes", "reservation", "reservations", "courrier", "standard",
  // English
  "admin", "administrator", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "support",
  "help", "helpdesk", "sales", "marketing", "office", "hello", "team", "billing", "accounts", "accounting",
  "finance", "hr", "jobs", "careers", "enquiries", "inquiries", "reception", "webmaster", "postmaster",
  "hostmaster", "abuse", "security", "newsletter", "press", "orders", "service", "customerservice",
  "customer.service", "mail"
];

export default defineRule({
  id: "email.role",
  fields: ["email"],
  dimension: "validity",
  severity: "info",
  explain: {
    fr: "L'adresse est celle d'une fonction (contact@, info@, accueil@, compta@…) et non d'une personne : pour information.",
    en: "The address is a role account (contact@, info@, sales@, noreply@…), not a person's: for information."
  },
  check: async (ctx) => {
    const local = `regexp_replace(strip_accents(local), '\\+.*$', '')`;
    return `SELECT record_id, 'email' AS field, value, ${local} AS detail
      FROM ${await emailFacts(ctx)} WHERE usable AND ${local} IN ${literalList(ROLE_ACCOUNTS)}`;
  }
});
