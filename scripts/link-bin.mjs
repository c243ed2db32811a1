// Makes `npx assay` run this project's CLI: links bin/assay.js into node_modules/.bin
// (npm links the bins of dependencies, not the project's own).
import {chmodSync, mkdirSync, rmSync, symlinkSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "bin", "assay.js");
const link = join(root, "node_modules", ".bin", "assay");
mkdirSync(dirname(link), {recursive: true});
rmSync(link, {force: true});
symlinkSync(relative(dirname(link), target), link);
chmodSync(target, 0o755);
