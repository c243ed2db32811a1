/**
 * Column roles from header names, in French and English. A header is
 * compared after folding case, accents and punctuation (`Tél. portable` →
 * `telportable`); the first column that matches a role takes it.
 */
import type {CustomerRole, OrderRole, Role} from "./roles.ts";

const CUSTOMER_ALIASES: Record<CustomerRole, string[]> = {
  id: ["id", "customerid", "clientid", "codeclient", "numclient", "numeroclient", "noclient", "idclient", "refclient", "referenceclient", "customerno", "customernumber", "memberno", "membernumber", "memberid", "idmembre", "numeroadherent", "numadherent", "contactid", "recid", "uniqueid"],
  civility: ["civilite", "civ", "title", "salutation", "genre", "gender", "sexe", "sex"],
  firstName: ["prenom", "firstname", "givenname", "forename", "first"],
  lastName: ["nom", "lastname", "surname", "familyname", "nomdefamille", "last", "nomdenaissance"],
  fullName: ["nomcomplet", "fullname", "name", "customername", "nomclient", "nomprenom", "prenomnom"],
  email: ["email", "mail", "courriel", "adressemail", "adresseemail", "emailaddress", "adressecourriel", "mel"],
  phone: ["telephone", "tel", "phone", "telfixe", "telephonefixe", "fixe", "phonenumber", "landline", "homephone", "teldomicile"],
  mobile: ["mobile", "portable", "telportable", "telephoneportable", "telmobile", "telephonemobile", "mobilephone", "cellphone", "cell", "gsm", "mobilenumber"],
  address1: ["adresse", "adresse1", "address", "address1", "addressline1", "rue", "street", "voie", "adresseligne1", "ligne1"],
  address2: ["adresse2", "complementadresse", "complementdadresse", "address2", "addressline2", "adresseligne2", "ligne2", "complement"],
  postcode: ["codepostal", "cp", "postcode", "postalcode", "zip", "zipcode", "cpostal"],
  city: ["ville", "commune", "city", "town", "localite", "suburb"],
  country: ["pays", "country", "countrycode", "codepays", "nation"],
  birthDate: ["datedenaissance", "datenaissance", "naissance", "birthdate", "dateofbirth", "dob", "birthday", "nele"],
  createdAt: ["datedecreation", "datecreation", "creele", "createdat", "created", "creationdate", "createdon", "dateinscription", "datedinscription", "enrolledon", "signupdate", "registrationdate", "dateadhesion"],
  updatedAt: ["datedemodification", "datemodification", "datedemiseajour", "datemaj", "modifiele", "updatedat", "updated", "lastupdate", "lastmodified", "modifiedat", "updatedon"],
  optinEmail: ["optinemail", "optinmail", "optin", "consentementemail", "newsletter", "newsletteroptin", "acceptsmarketing", "emailoptin", "emailconsent", "accordemail"],
  optinSms: ["optinsms", "consentementsms", "smsoptin", "acceptssms", "smsconsent", "accordsms"],
  nps: ["nps", "npsscore", "scorenps", "recommandation", "likelihoodtorecommend"]
};

const ORDER_ALIASES: Record<OrderRole, string[]> = {
  customerId: ["customerid", "customerref", "clientid", "codeclient", "idclient", "numclient", "refclient", "customer", "client", "memberno"],
  orderId: ["orderid", "invoiceno", "invoice", "invoiceid", "ordernumber", "orderno", "numcommande", "numerocommande", "commande", "idcommande", "numfacture", "facture", "ticket", "transactionid"],
  orderDate: ["orderdate", "invoicedate", "date", "datecommande", "datedecommande", "datefacture", "transactiondate", "purchasedate", "dateachat"],
  amount: ["amount", "montant", "total", "totalamount", "montantttc", "montantht", "revenue", "sales", "ca", "chiffredaffaires", "linetotal", "price"],
  quantity: ["quantity", "qty", "quantite", "qte"],
  unitPrice: ["unitprice", "prixunitaire", "pu", "price", "prix"],
  channel: ["channel", "canal", "canaldevente", "saleschannel", "store", "magasin", "source"]
};

/** Folds a header for comparison: lower case, no accents, letters and digits only. */
export function foldHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Roles found among `headers`, for the kind of source, leaving alone the
 * roles in `mapped` (given by the configuration) and the columns they use.
 */
export function detectRoles<R extends Role>(
  headers: readonly string[],
  kind: "customers" | "orders",
  mapped: Partial<Record<R, string>> = {}
): Partial<Record<R, string>> {
  const aliases = (kind === "customers" ? CUSTOMER_ALIASES : ORDER_ALIASES) as Record<R, string[]>;
  const taken = new Set(Object.values(mapped) as string[]);
  const found: Partial<Record<R, string>> = {...mapped};
  const folded = headers.map(foldHeader);
  for (const role of Object.keys(aliases) as R[]) {
    if (found[role] !== undefined) continue;
    for (const alias of aliases[role]) {
      const i = folded.findIndex((h, j) => h === alias && !taken.has(headers[j]!));
      if (i >= 0) {
        found[role] = headers[i]!;
        taken.add(headers[i]!);
        break;
      }
    }
  }
  // amount and price mean the same for a file without a quantity; keep price for quantity × price
  const orders = found as Partial<Record<OrderRole, string>>;
  if (kind === "orders" && orders.quantity !== undefined && orders.amount !== undefined && orders.unitPrice === undefined && mapped["amount" as R] === undefined) {
    orders.unitPrice = orders.amount;
    delete orders.amount;
  }
  return found;
}
