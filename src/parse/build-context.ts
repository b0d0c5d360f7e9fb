import type { Dialect, DialectCapabilities } from "../dialects/dialect.js";
import { PORTABLE_TYPES, type Domain, type Enum, type TypeSpec } from "../model/index.js";
import type { NameNode, Pos, QualifiedName } from "../../grammar/ast.js";
import type { DiagnosticBag } from "./diagnostic.js";
import type { ResolvedType } from "./resolve-type.js";

/** A schema-qualified name as the builder uses it: `schema` undefined in the default schema. */
export interface ObjectName {
  readonly name: string;
  readonly schema?: string;
  readonly key: string;
}

export type BooleanCapability = {
  [K in keyof DialectCapabilities]: DialectCapabilities[K] extends boolean ? K : never;
}[keyof DialectCapabilities];

const FEATURE_WORDS: Record<BooleanCapability, string> = {
  schemas: "schemas are",
  namedEnums: "enums are",
  inlineEnums: "inline enums are",
  sequences: "sequences are",
  transactionalDdl: "transactional DDL is",
  alterColumn: "ALTER COLUMN is",
  partialIndexes: "partial indexes (where:) are",
  expressionIndexes: "expression indexes are",
  indexPrefixLengths: "index prefix lengths (length:) are",
  comments: "comments are",
  checkConstraints: "check constraints are",
  deferrableConstraints: "deferrable constraints are",
  identityColumns: "identity columns are",
  generatedColumns: "generated columns are",
  arrays: "array types are",
  unsignedIntegers: "unsigned types are",
  materializedViews: "materialized views are",
  onUpdate: "@onUpdate is",
  columnStorage: "@storage and @compression are",
  nullsNotDistinct: "nullsNotDistinct: is",
  deferrableKeys: "deferrable primary keys and unique constraints are",
  notValidConstraints: "notValid: and match: are",
  coveringIndexes: "index include: and with: are",
  invisibleColumns: "invisible columns are",
  extensions: "extensions are",
  domains: "domains are",
  compositeTypes: "composite types are",
  concurrentIndexes: "concurrent index builds are",
  algorithmClauses: "ALGORITHM= clauses are",
  functions: "functions and procedures are",
  routineOverloading: "function overloads are",
  triggers: "triggers are",
  triggerFunctions: "trigger functions (execute:) are",
  policies: "row-level security policies are",
};

/**
 * What every builder step shares: where diagnostics go, the chosen dialect
 * (undefined when the schema names an unknown one: capability checks are
 * then skipped, the unknown dialect being the error), the type table and
 * the declared enums.
 */
export class BuildContext {
  path = "";
  readonly typeSpecs: ReadonlyMap<string, TypeSpec>;
  readonly enums = new Map<string, Enum>();
  /** Declared domains by key: columns name them as their type. */
  readonly domains = new Map<string, Domain>();
  /** Declared composite types by key, named before any is built (a domain or another type may use one). */
  readonly compositeTypes = new Map<string, ObjectName>();
  /** Types already resolved, by spelling (see resolveType). */
  readonly resolvedTypes = new Map<string, ResolvedType>();

  constructor(
    readonly bag: DiagnosticBag,
    readonly dialect: Dialect | undefined,
    /** Where warnings go: what the database accepts but is likely a mistake (the model is built all the same). */
    readonly warnings?: DiagnosticBag,
  ) {
    // A dialect's spec of a portable type wins: it may tighten it (MySQL needs varchar's length).
    const specs = new Map<string, TypeSpec>();
    for (const spec of [...(dialect?.nativeTypes ?? []), ...PORTABLE_TYPES]) {
      if (!specs.has(spec.name)) specs.set(spec.name, spec);
    }
    this.typeSpecs = specs;
  }

  error(pos: Pos, message: string): void {
    this.bag.report(this.path, pos.startOffset, message, pos.endOffset + 1);
  }

  warn(pos: Pos, message: string): void {
    this.warnings?.report(this.path, pos.startOffset, message, pos.endOffset + 1);
  }

  /** Reports that the dialect lacks `capability`, if it does; returns whether the feature may be used. */
  requires(capability: BooleanCapability, pos: Pos): boolean {
    if (!this.dialect || this.dialect.capabilities[capability]) return true;
    this.error(pos, `${FEATURE_WORDS[capability]} not supported by ${this.dialect.name}`);
    return false;
  }

  /** `name` or `schema.name`; the dialect's default schema is the same as no schema. */
  objectName(qualified: QualifiedName): ObjectName | undefined {
    const parts = qualified.parts;
    if (parts.length > 2) {
      this.error(parts[2], `expected a name or schema.name, not a ${parts.length}-part name`);
      return undefined;
    }
    if (parts.length === 1) return { name: parts[0].text, key: parts[0].text };
    return this.qualify(parts[0], parts[1].text);
  }

  qualify(schemaNode: NameNode, name: string): ObjectName | undefined {
    const schema = schemaNode.text;
    if (this.dialect && schema === this.dialect.defaultSchema) return { name, key: name };
    if (!this.requires("schemas", schemaNode)) return undefined;
    return { name, schema, key: `${schema}.${name}` };
  }
}
