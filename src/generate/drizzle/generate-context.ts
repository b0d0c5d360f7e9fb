import type { MetaData, SqlType } from "../../model/index.js";
import { tableKey } from "../../model/index.js";
import { NameScope, sqlTemplate, str } from "./js-names.js";

/** What drizzle-orm cannot express, naming the object; the CLI prints these on stderr. */
export interface DrizzleWarning {
  /** `table user`, `column user.note`, `index ix_live_email`, `view active_users`, ... */
  readonly object: string;
  readonly message: string;
}

/** The TypeScript type a column's values have in drizzle, which decides how its defaults are written. */
export type JsKind = "string" | "number" | "bigint" | "boolean" | "json" | "bytes" | "other";

interface CustomTypeDecl {
  readonly name: string;
  readonly dataType: string;
  readonly data: string;
}

/**
 * State shared while one module is generated: the imports it needs, the
 * top-level names it has handed out, custom column types declared on the
 * way, enum variables, and warnings. Everything is filled in a fixed order,
 * so the same model always gives the same text.
 */
export class GenerateContext {
  readonly metadata: MetaData;
  readonly names: NameScope;
  readonly warnings: DrizzleWarning[] = [];
  readonly #coreImports = new Set<string>();
  readonly #ormImports = new Set<string>();
  readonly #customTypes = new Map<string, CustomTypeDecl>();
  /** Enum key (`schema.name`) → the variable holding its pgEnum. */
  readonly enumVars = new Map<string, string>();
  /** Table key → its variable. */
  readonly tableVars = new Map<string, string>();
  /** Table key → column name → the property key of that column. */
  readonly columnKeys = new Map<string, ReadonlyMap<string, string>>();
  /** Schema name → its pgSchema variable. */
  readonly schemaVars = new Map<string, string>();

  constructor(metadata: MetaData, reserved: Iterable<string>) {
    this.metadata = metadata;
    this.names = new NameScope(reserved);
  }

  /** A name imported from the dialect's drizzle-orm core module. */
  core(name: string): string {
    this.#coreImports.add(name);
    return name;
  }

  /** `sql` from drizzle-orm, around raw SQL text. */
  sql(text: string): string {
    this.#ormImports.add("sql");
    return sqlTemplate(text);
  }

  /** A name imported from drizzle-orm itself (`relations`). */
  orm(name: string): string {
    this.#ormImports.add(name);
    return name;
  }

  warn(object: string, message: string): void {
    this.warnings.push({ object, message });
  }

  /** A `customType` for a database type drizzle has no builder for; one declaration per SQL spelling. */
  customType(dataType: string, data: string): string {
    const existing = this.#customTypes.get(dataType);
    if (existing) return existing.name;
    const decl = { name: this.names.claim(`${camelCaseType(dataType)}Type`), dataType, data };
    this.#customTypes.set(dataType, decl);
    this.core("customType");
    return decl.name;
  }

  /** The pgEnum variable a column of this enum type calls. */
  enumVar(type: SqlType & { kind: "enum" }): string {
    const name = this.enumVars.get(tableKey(type));
    if (!name)
      throw new DrizzleGenerateError(`enum ${tableKey(type)} is used by a column but not declared in the model`);
    return name;
  }

  enumValues(type: SqlType & { kind: "enum" }): readonly string[] {
    const found = this.metadata.enums.get(tableKey(type));
    if (!found)
      throw new DrizzleGenerateError(`enum ${tableKey(type)} is used by a column but not declared in the model`);
    return found.values;
  }

  customTypeDeclarations(): string[] {
    return [...this.#customTypes.values()].map(
      (d) =>
        `const ${d.name} = customType<{ data: ${d.data}; driverData: ${d.data} }>({\n  dataType() {\n    return ${str(d.dataType)};\n  },\n});\n`,
    );
  }

  importLines(coreModule: string): string[] {
    const lines: string[] = [];
    if (this.#ormImports.size) lines.push(`import { ${[...this.#ormImports].sort().join(", ")} } from "drizzle-orm";`);
    if (this.#coreImports.size)
      lines.push(`import { ${[...this.#coreImports].sort().join(", ")} } from "${coreModule}";`);
    return lines;
  }
}

function camelCaseType(dataType: string): string {
  const words = dataType.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return (
    words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join("") ||
    "custom"
  );
}

/** A broken invariant in the model handed to the generator (not a user mistake). */
export class DrizzleGenerateError extends Error {
  override readonly name = "DrizzleGenerateError";
}
