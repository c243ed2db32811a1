/**
 * The benchmark's data: the sample generator in its own process, measured.
 *
 *   node --import tsx bench/generate.ts <customers> <seed> <orders per customer> <out> [<part number> <first customer>]
 *
 * Prints `BENCH-RESULT {json}` (stage "generate") on stdout.
 */
import {generateSample} from "../loaders/sample/generate.ts";
import {startMeasure} from "./measure.ts";

const [customers, seed, orders, out, partNumber, first] = process.argv.slice(2);
if (!out) {
  process.stderr.write("usage: node --import tsx bench/generate.ts <customers> <seed> <orders per customer> <out>\n");
  process.exit(2);
}
const m = startMeasure();
const summary = await generateSample({customers: Number(customers), seed: Number(seed), out, ordersPerCustomer: Number(orders),
  part: partNumber ? {number: Number(partNumber), first: Number(first)} : undefined
});
const rows = Object.values(summary.records).reduce((a, b) => a + b, 0) + summary.files["orders.csv"]!;
process.stdout.write(`BENCH-RESULT ${JSON.stringify({stage: "generate", rows, ...m.stop()})}\n`);
