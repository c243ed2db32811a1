/** Output files, written whole or not at all: a temporary file renamed into place. */
import {mkdirSync, renameSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";

export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), {recursive: true});
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export function writeJson(path: string, value: unknown): void {
  writeText(path, `${JSON.stringify(value, null, 1)}\n`);
}
