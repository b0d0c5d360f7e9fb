import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { SchemaFile } from "../../grammar/ast.js";
import type { Dialect } from "../dialects/dialect.js";
import { dialectForUrl, dialectNamed } from "../dialects/registry.js";
import type { MetaData } from "../model/index.js";
import type { SchemaSource } from "../parse/index.js";
import { ModelCompiler, type ModelCompile } from "./model-compiler.js";
import { SchemaIndex } from "./schema-index.js";

/** What the editor knows of one model after its latest compile. */
export interface ModelState {
  /** The schema folder or file of the model. */
  readonly root: string;
  readonly texts: ReadonlyMap<string, string>;
  readonly compile: ModelCompile;
  /** Declarations and uses of names in the files that parse (built at the first question). */
  readonly index: SchemaIndex;
  /**
   * The index of the latest compile in which every file parsed: completion
   * reads names from it while the text being typed does not parse.
   */
  readonly completionIndex: SchemaIndex;
  /**
   * A file's tree for its outline and colours, with the index that names
   * its symbols: while it has syntax errors, the declarations that parse on
   * their own (indexed with the files that parse).
   */
  syntaxOf(path: string): { readonly file: SchemaFile; readonly index: SchemaIndex } | undefined;
  /** The latest model that compiled; hover reads types from it while the schema has errors. */
  readonly metadata?: MetaData;
  /** The dialect the model was compiled for, as the CLI chooses it: the schema's, else the project URL's, else SQLite. */
  readonly dialect: Dialect;
}

/**
 * The `.schema` files of a workspace, grouped into models as the CLI groups
 * them: the project's schema folder (every `.schema` below it) is one model;
 * any other file belongs to the model of the `.schema` files beside it, as
 * `strata fmt` reads it. Open documents are read from the editor, the rest
 * from disk.
 */
export class SchemaWorkspace {
  readonly #compilers = new Map<string, ModelCompiler>();
  readonly #states = new Map<string, ModelState>();
  readonly #lastGood = new Map<string, MetaData>();
  /** The latest state of each model in which every file parsed. */
  readonly #lastWhole = new Map<string, ModelState>();

  constructor(
    /** The project's schema folders or files (`schemas/`, or the config's `schema`). */
    readonly schemaRoots: readonly string[],
    readonly openText: (path: string) => string | undefined,
    readonly openPaths: () => readonly string[],
    readonly projectUrl?: string,
  ) {}

  /** The model a file belongs to. */
  modelRootOf(path: string): string {
    return this.schemaRoots.find((root) => path === root || path.startsWith(root + sep)) ?? dirname(path);
  }

  state(root: string): ModelState | undefined {
    return this.#states.get(root);
  }

  compile(root: string): ModelState {
    let compiler = this.#compilers.get(root);
    if (!compiler) this.#compilers.set(root, (compiler = new ModelCompiler()));
    const sources = this.#sources(root);
    // As the CLI: a portable schema is compiled for the dialect of the project's URL.
    const compile = compiler.compile(sources, { dialect: this.#urlDialect()?.name });
    if (compile.metadata) this.#lastGood.set(root, compile.metadata);
    const metadata = this.#lastGood.get(root);
    const dialect = (metadata && dialectNamed(metadata.dialect)) ?? this.#urlDialect() ?? dialectNamed("sqlite")!;
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    // The index is built at the first question, not on the way to the diagnostics.
    let index: SchemaIndex | undefined;
    const parsedWhole = compile.files.size === sources.length;
    const lastWhole = parsedWhole ? undefined : this.#lastWhole.get(root);
    const state: ModelState = {
      root,
      texts,
      compile,
      metadata,
      dialect,
      get index() {
        return (index ??= new SchemaIndex(compile.files, texts, dialect.defaultSchema));
      },
      get completionIndex() {
        return lastWhole?.index ?? this.index;
      },
      syntaxOf(path) {
        const file = compile.files.get(path);
        if (file) return { file, index: this.index };
        const recovered = compile.recovered(path);
        if (!recovered) return undefined;
        return { file: recovered, index: new SchemaIndex(new Map([...compile.files, [path, recovered]]), texts, dialect.defaultSchema) };
      },
    };
    if (parsedWhole) this.#lastWhole.set(root, state);
    this.#states.set(root, state);
    return state;
  }

  #urlDialect(): Dialect | undefined {
    return this.projectUrl ? dialectForUrl(this.projectUrl) : undefined;
  }

  /** The model's files in the CLI's order, open ones as the editor holds them. */
  #sources(root: string): SchemaSource[] {
    const onDisk = this.#filesOnDisk(root);
    const open = this.openPaths().filter((p) => p.endsWith(".schema") && this.modelRootOf(p) === root && !onDisk.includes(p));
    const inRoot = (p: string) => p === root || (this.schemaRoots.includes(root) ? p.startsWith(root + sep) : dirname(p) === root);
    const paths = [...onDisk, ...open.filter(inRoot)];
    const key = (p: string) => relative(root, p).split(sep).join("/");
    paths.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    // A file deleted since the folder was listed is left out, as if it had been listed a moment later.
    return paths.flatMap((path) => {
      const text = this.openText(path) ?? readIfPresent(path);
      return text === undefined ? [] : [{ path, text }];
    });
  }

  #filesOnDisk(root: string): string[] {
    if (!existsSync(root)) return [];
    if (!statSync(root).isDirectory()) return [root];
    // The project's schema folder holds its model at any depth; another folder, only beside the file.
    const recursive = this.schemaRoots.includes(root);
    return readdirSync(root, { recursive, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".schema"))
      .map((e) => join(e.parentPath, e.name));
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
