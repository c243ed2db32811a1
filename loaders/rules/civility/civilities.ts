/**
 * Civilities as customer files write them, folded (capitals, no accents, no
 * dots), and the gender each carries: M, F, or '' (a title that tells none,
 * or a couple).
 *
 *   CIVILITIES           folded civility → gender
 *   civilityGenderSql(expr)   SQL: 'M', 'F', '' (recognised, no gender) or NULL (not a civility)
 */
import {literal} from "../../db/sql.ts";
import {foldSql} from "../text-sql.ts";

export const CIVILITIES: Readonly<Record<string, "M" | "F" | "">> = {
  M: "M", MR: "M", MONSIEUR: "M", MSIEUR: "M", MONS: "M", SIR: "M", HERR: "M", SR: "M", SIG: "M", SIGNOR: "M", SENOR: "M",
  MME: "F", MADAME: "F", MDME: "F", MLLE: "F", MELLE: "F", MADEMOISELLE: "F", MRS: "F", MS: "F", MISS: "F",
  FRAU: "F", SRA: "F", SIGNORA: "F", SENORA: "F",
  DR: "", DOCTEUR: "", DOCTOR: "", PR: "", PROFESSEUR: "", PROF: "", ME: "", MAITRE: "", MX: "",
  "M ET MME": "", "M MME": "", "MR ET MME": "", "MR MME": "", "MR MRS": "", "MR AND MRS": "", "MM": "",
  "MMES": "", "MESDAMES": "", "MESSIEURS": "", "MADAME MONSIEUR": "", "MONSIEUR MADAME": "", "MONSIEUR ET MADAME": ""
};

/** SQL: the civility folded for lookup (`M.` → `M`, `Mme.` → `MME`, `M. & Mme` → `M MME`). */
export function civilityKeySql(expr: string): string {
  return `replace(${foldSql(expr)}, ' ET ', ' ')`;
}

/** Folded civility keys → gender, as a DuckDB MAP literal (one entry per key once ` ET ` is dropped). */
const GENDER_MAP = `MAP {${[...new Map(Object.entries(CIVILITIES).map(([key, gender]) => [key.replace(" ET ", " "), gender]))]
  .map(([key, gender]) => `${literal(key)}: ${literal(gender)}`)
  .join(", ")}}`;

/**
 * A map lookup rather than `CASE key WHEN …`: DuckDB expands that CASE into
 * one folding of the text per WHEN when it sits in a filter (6 s instead of
 * 0.4 s over 1M records).
 */
export function civilityGenderSql(expr: string): string {
  return `${GENDER_MAP}[${civilityKeySql(expr)}]`;
}
