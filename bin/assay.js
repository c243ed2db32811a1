#!/usr/bin/env node
// The `assay` command: runs the TypeScript CLI through tsx's loader.
import {register} from "tsx/esm/api";

process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
register();
await import("../loaders/cli/main.ts");
