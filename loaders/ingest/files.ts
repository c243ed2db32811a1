/** The files a source's path names: one file, or a glob, relative to the configuration. */
import {existsSync} from "node:fs";
import {isAbsolute, resolve} from "node:path";
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";

export async function resolveFiles(db: Db, pattern: string, baseDir: string): Promise<string[]> {
  const path = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
  if (!/[*?[{]/.test(pattern)) {
    if (!existsSync(path)) throw new Error(`file not found: ${path}`);
    return [path];
  }
  const files = (await db.all<{file: string}>(`SELECT file FROM glob(${literal(path)}) ORDER BY file`)).map((r) => r.file);
  if (files.length === 0) throw new Error(`no file matches ${path}`);
  return files;
}
