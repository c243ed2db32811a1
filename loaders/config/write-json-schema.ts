/** Writes assay.schema.json, the JSON Schema editors use to complete and check a configuration. */
import {writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {z} from "zod";
import {configSchema} from "./schema.ts";
import {PROJECT_ROOT} from "./load.ts";

export function jsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, {io: "input", unrepresentable: "any"});
  return `${JSON.stringify({...schema, title: "Assay audit configuration"}, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(resolve(PROJECT_ROOT, "assay.schema.json"), jsonSchema());
}
