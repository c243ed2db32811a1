/**
 * One customer record of one source, as the roles of roles.ts see it: every
 * value already written the way that source writes it, plus what the ground
 * truth needs (labels, duplicate keys, parsed dates).
 */
import type {Gender} from "./names.ts";
import type {Source} from "./entity.ts";

export const RECORD_FIELDS = [
  "civility", "firstName", "lastName", "email", "phone", "mobile", "address1", "address2",
  "postcode", "city", "country", "birthDate", "createdAt", "updatedAt", "optinEmail", "optinSms", "nps"
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export interface CustomerRecord {
  source: Source;
  values: Record<RecordField, string>;
  /** Gender the civility text carries; "" when missing or not a civility. */
  civilityGender: Gender | "";
  /** E.164 of the phone / mobile when valid and not a placeholder, else "". */
  phoneKey: string;
  mobileKey: string;
  /** Created / updated calendar days when present and parseable. */
  createdDay: number | null;
  updatedDay: number | null;
  /** One label per defect: [field, rule]. */
  defects: [string, string][];
  /** Fields that already carry a defect (one defect per field). */
  spoiled: Set<RecordField>;
}

export function label(record: CustomerRecord, field: RecordField | "record", rule: string): void {
  record.defects.push([field, rule]);
  if (field !== "record") record.spoiled.add(field);
}

/** Lower case, accents and œ/æ folded, spaces collapsed: how duplicate keys compare names. */
export function nameKey(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return name.toLowerCase().replace(/\s+/g, " ").trim();
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
