// The segment explorer's customers (no personal data), written by the audit's value step.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ensureAudit} from "../../loaders/audit/ensure.ts";

const {loaded} = await ensureAudit(process.env.ASSAY_CONFIG);
process.stdout.write(readFileSync(join(loaded.outDir, "site", "explorer.parquet")));
