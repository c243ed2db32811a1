/** The files a source's path names: one file, or a glob, relative to the configuration. */
import {existsSync, statSync} from "node:fs";
import {isAbsolute, resolve} from "node:path";
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import type {LoadedConfig} from "../config/load.ts";

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

export interface InputFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every configured source's files, with their size and modification time. A
 * source whose path names no file has none here: ingestion reports it, with
 * the source.
 */
export async function inputFiles(db: Db, loaded: LoadedConfig): Promise<{source: string; files: InputFile[]}[]> {
  const inputs: {source: string; files: InputFile[]}[] = [];
  for (const source of loaded.config.sources) {
    const paths = await resolveFiles(db, source.path, loaded.baseDir).catch(() => [] as string[]);
    inputs.push({source: source.name, files: paths.map((path) => ({path, ...pick(statSync(path))}))});
  }
  return inputs;
}

const pick = ({size, mtimeMs}: {size: number; mtimeMs: number}) => ({size, mtimeMs});
