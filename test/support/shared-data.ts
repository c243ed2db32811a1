/** The public data sets beside the project (../shared/data), or where ASSAY_SHARED_DATA says. */
import {join, resolve} from "node:path";

export const SHARED_DATA = process.env.ASSAY_SHARED_DATA ?? resolve(import.meta.dirname, "..", "..", "..", "shared", "data");

export function sharedData(...path: string[]): string {
  return join(SHARED_DATA, ...path);
}
