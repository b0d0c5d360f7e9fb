import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { MetaData } from "../model/index.js";
import { compileSchema, type CompileOptions, type SchemaSource } from "./compile-schema.js";
import { SchemaError, type Diagnostic } from "./diagnostic.js";
import { schemaText } from "./schema-text.js";

/**
 * Reads a `.schema` file, or every `*.schema` file under a folder (sorted by
 * path, so the model is the same on every machine), and compiles them.
 * Throws SchemaError with every diagnostic when the schema does not compile.
 */
export interface LoadOptions extends CompileOptions {
  /** Told what compiles but is likely a mistake (CompileResult.warnings), when there is any. */
  readonly onWarnings?: (warnings: readonly Diagnostic[]) => void;
}

export async function loadSchema(path: string, options: LoadOptions = {}): Promise<MetaData> {
  const sources = await readSchemaSources(path);
  const result = compileSchema(sources, options);
  if (!result.metadata) throw new SchemaError(result.diagnostics);
  if (result.warnings.length) options.onWarnings?.(result.warnings);
  return result.metadata;
}

export async function readSchemaSources(path: string): Promise<SchemaSource[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SchemaError([], `schema not found: ${path}`);
  const paths = info.isDirectory() ? await schemaFilesUnder(path) : [path];
  if (paths.length === 0) throw new SchemaError([], `no .schema files in ${path}`);
  return Promise.all(paths.map(async (p) => ({ path: p, text: schemaText(p, await readFile(p)) })));
}

async function schemaFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".schema"))
    .map((e) => join(e.parentPath, e.name));
  // Sort on the path relative to the folder, with "/" separators, so the order is the same on every OS.
  const key = (p: string) => relative(folder, p).split(sep).join("/");
  return files.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
