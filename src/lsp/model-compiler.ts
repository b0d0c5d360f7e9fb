import type { SchemaFile } from "../../grammar/ast.js";
import type { MetaData } from "../model/index.js";
import { buildModel } from "../parse/build-model.js";
import { DiagnosticBag, type Diagnostic } from "../parse/diagnostic.js";
import { FileReparser } from "../parse/reparse-file.js";
import { declarationsOf } from "../parse/schema-declarations.js";
import { TableBuildCache } from "../parse/table-build-cache.js";
import type { CompileOptions, SchemaSource } from "../parse/index.js";

/** One compile of a model: what `compileSchema` says about it, and each file's syntax tree for the editor. */
export interface ModelCompile {
  readonly metadata?: MetaData;
  readonly diagnostics: readonly Diagnostic[];
  /** What compiles but is likely a mistake (CompileResult.warnings). */
  readonly warnings: readonly Diagnostic[];
  /** By path; a file with syntax errors has none. */
  readonly files: ReadonlyMap<string, SchemaFile>;
  /** For a file with syntax errors: the declarations that parse on their own (FileReparser.recovered), for the outline and colours. */
  readonly recovered: (path: string) => SchemaFile | undefined;
}

interface ParsedFile {
  readonly text: string;
  readonly file?: SchemaFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly reparser: FileReparser;
}

/**
 * Compiles a model the way `compileSchema` does (same parser, same builder,
 * the same diagnostics in the same order), keeping each file's parse while
 * its text is unchanged: after an edit, only the declarations that changed
 * in the edited file are parsed again (FileReparser), and the builder reads
 * again only the tables whose declarations changed or moved
 * (TableBuildCache). The trees are kept whole (with comments) because
 * hover, navigation and rename read them.
 */
export class ModelCompiler {
  readonly #parsed = new Map<string, ParsedFile>();
  readonly #tables = new TableBuildCache();

  compile(sources: readonly SchemaSource[], options: CompileOptions = {}): ModelCompile {
    const parsed = sources.map((source) => this.#parse(source));
    for (const path of this.#parsed.keys()) {
      if (!sources.some((s) => s.path === path)) this.#parsed.delete(path);
    }
    const files = new Map<string, SchemaFile>();
    parsed.forEach((p, i) => p.file && files.set(sources[i].path, p.file));
    const broken = new Map(parsed.flatMap((p, i) => (p.file ? [] : [[sources[i].path, p] as const])));
    const recovered = (path: string) => {
      const p = broken.get(path);
      return p && p.reparser.recovered(path, p.text);
    };
    // As compileSchema: a syntax error anywhere means only syntax errors are reported.
    if (files.size < sources.length) return { diagnostics: parsed.flatMap((p) => p.diagnostics), warnings: [], files, recovered };
    const bag = new DiagnosticBag(sources);
    const warningBag = new DiagnosticBag(sources);
    const metadata = buildModel(declarationsOf([...files.values()]), bag, options.env ?? process.env, options.dialect, this.#tables, warningBag);
    const warnings = warningBag.sorted();
    return metadata && !bag.hasErrors ? { metadata, diagnostics: [], warnings, files, recovered } : { diagnostics: bag.sorted(), warnings, files, recovered };
  }

  #parse(source: SchemaSource): ParsedFile {
    const known = this.#parsed.get(source.path);
    if (known?.text === source.text) return known;
    const bag = new DiagnosticBag([source]);
    const reparser = known?.reparser ?? new FileReparser();
    const file = reparser.parse(source.path, source.text, bag);
    const parsed = { text: source.text, file, diagnostics: bag.sorted(), reparser };
    this.#parsed.set(source.path, parsed);
    return parsed;
  }
}
