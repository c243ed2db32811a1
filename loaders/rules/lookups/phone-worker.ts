/**
 * Worker thread of the phone checks: gets `[key, country]` rows, answers
 * `[e164, valid, type, reason]` in the same order (see phones.ts).
 */
import {serveRows} from "../../parallel/worker-pool.ts";
import {checkPhone} from "./phone-check.ts";

serveRows(([key, country]) => {
  const check = checkPhone(String(key ?? ""), (country as string | null) ?? null);
  return [check.e164, check.valid, check.type, check.reason];
});
