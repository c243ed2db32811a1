/**
 * Worker thread of the phone checks: gets `[key, country][]`, answers
 * `[e164, valid, type, reason][]` in the same order (see phones.ts).
 */
import {parentPort} from "node:worker_threads";
import {checkPhone} from "./phone-check.ts";

parentPort!.on("message", ({id, rows}: {id: number; rows: [string | null, string | null][]}) => {
  const answers = rows.map(([key, country]) => {
    const check = checkPhone(key ?? "", country);
    return [check.e164, check.valid, check.type, check.reason];
  });
  parentPort!.postMessage({id, answers});
});
