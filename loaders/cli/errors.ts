/** The message a user sees for an error: theirs in full, ours with a stack only when ASSAY_DEBUG is set. */
import {ConfigError} from "../config/load.ts";
import {InputError} from "../errors.ts";

export function errorMessage(error: unknown): string {
  if (error instanceof ConfigError || error instanceof InputError) return error.message;
  if (error instanceof Error) return process.env.ASSAY_DEBUG ? (error.stack ?? error.message) : error.message;
  return String(error);
}
