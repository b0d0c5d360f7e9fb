import type { MetaData } from "../model/index.js";
import type { SchemaFile } from "./ast.js";
import { buildModel } from "./build-model.js";
import { DiagnosticBag, type Diagnostic } from "./diagnostic.js";
import { parseSchemaFile } from "./parse-file.js";

export interface SchemaSource {
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Where `env("VAR")` looks; process.env by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface CompileResult {
  /** Present only when there are no diagnostics. */
  readonly metadata?: MetaData;
  readonly diagnostics: Diagnostic[];
}

/**
 * `.schema` sources → the model. All sources form one model, in the order
 * given (loadSchema sorts by path). Every syntax error of every file is
 * reported; meaning is given (and checked) only once all files parse.
 */
export function compileSchema(sources: readonly SchemaSource[], options: CompileOptions = {}): CompileResult {
  const bag = new DiagnosticBag(sources);
  const files: SchemaFile[] = [];
  for (const source of sources) {
    const file = parseSchemaFile(source.path, source.text, bag);
    if (file) files.push(file);
  }
  if (bag.hasErrors) return { diagnostics: bag.sorted() };
  const metadata = buildModel(files, bag, options.env ?? process.env);
  return metadata && !bag.hasErrors ? { metadata, diagnostics: [] } : { diagnostics: bag.sorted() };
}
