/** The token-set similarity of two normalised addresses (0–100): fuzzball's token_set_ratio, on text already processed. */
import * as fuzz from "fuzzball";

export function addressScore(x: string | null, y: string | null): number {
  return fuzz.token_set_ratio(x ?? "", y ?? "", {full_process: false});
}
