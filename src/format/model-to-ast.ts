import {
  formatType,
  type DefaultValue,
  type ForeignKeyConstraint,
  type Index,
  type IndexElement,
  type SqlType,
} from "../model/index.js";
import { NO_POS, type Argument, type Attribute, type NameNode, type QualifiedName, type TypeNode, type Value } from "../../grammar/ast.js";
import { fitsBlock, isIdentifier } from "../../grammar/string-literal.js";

/** Small constructors for synthesized syntax (no positions: it is printed, never diagnosed). */
export const syntax = {
  name: (text: string): NameNode => ({ text, quoted: !isIdentifier(text), ...NO_POS }),
  qualified: (name: string, schema?: string): QualifiedName => ({
    parts: schema === undefined ? [syntax.name(name)] : [syntax.name(schema), syntax.name(name)],
    ...NO_POS,
  }),
  string: (value: string): Value => ({ kind: "string", value, ...NO_POS }),
  /** A number from a JS number, or from exact decimal text (printed as that text). */
  number: (value: number | string): Value => ({ kind: "number", value: Number(value), raw: String(value), ...NO_POS }),
  word: (...parts: string[]): Value => ({ kind: "path", parts: parts.map(syntax.name), ...NO_POS }),
  call: (callee: string[], args: Argument[]): Value => ({ kind: "call", callee: callee.map(syntax.name), args, ...NO_POS }),
  /** Text that spans lines is written as a block string, the way it reads in an editor. */
  text: (value: string): Value => (fitsBlock(value) ? { kind: "string", value, block: true, ...NO_POS } : syntax.string(value)),
  sql: (sql: string): Value => syntax.call(["sql"], [syntax.arg(syntax.text(sql))]),
  list: (items: Value[]): Value => ({ kind: "list", items, ...NO_POS }),
  names: (names: readonly string[]): Value => syntax.list(names.map((n) => syntax.word(n))),
  arg: (value: Value, name?: string): Argument => ({ ...(name ? { name: syntax.name(name) } : {}), value, ...NO_POS }),
  attr: (name: string, args?: Argument[]): Attribute => ({ name, ...(args?.length ? { args } : {}), ...NO_POS }),
};

const LITERAL_WORDS = new Set(["true", "false", "null"]);

/** What printSchema knows about type names: which the dialect has a spec for, and which name a domain of the model. */
export interface TypeNaming {
  known(name: string): boolean;
  /** The domain whose columns have this scalar type name (domainTypeName). */
  domain(name: string): { readonly name: string; readonly schema?: string } | undefined;
}

/** A type the dialect has no spec for, and no domain names, is written quoted, to pass through, as is a declared type (SQLite). */
export function typeNode(type: SqlType, naming: TypeNaming): TypeNode {
  if (type.kind === "enum") {
    return { name: syntax.qualified(type.name, type.schema), args: [], unsigned: false, zerofill: false, arrayDims: type.arrayDims ?? 0, ...NO_POS };
  }
  if (type.declared !== undefined) {
    return { name: { parts: [{ text: type.declared, quoted: true, ...NO_POS }], ...NO_POS }, args: [], unsigned: false, zerofill: false, arrayDims: 0, ...NO_POS };
  }
  const domain = type.args.length === 0 && !type.unsigned && !type.zerofill ? naming.domain(type.name) : undefined;
  if (domain) return { name: syntax.qualified(domain.name, domain.schema), args: [], unsigned: false, zerofill: false, arrayDims: type.arrayDims ?? 0, ...NO_POS };
  const known = (name: string) => naming.known(name);
  if (type.args.some((a) => typeof a === "number" && !Number.isFinite(a))) {
    throw new Error(`printSchema: type ${formatType(type)} has a non-finite parameter`);
  }
  return {
    name: { parts: [{ text: type.name, quoted: !known(type.name) || !isIdentifier(type.name), ...NO_POS }], ...NO_POS },
    args: type.args.map((value) => ({ value, ...NO_POS })),
    unsigned: !!type.unsigned,
    zerofill: !!type.zerofill,
    arrayDims: type.arrayDims ?? 0,
    ...NO_POS,
  };
}

export function defaultValue(value: DefaultValue): Value {
  switch (value.kind) {
    case "literal":
      if (typeof value.value === "string") return syntax.string(value.value);
      return syntax.word(String(value.value));
    case "number":
      return syntax.number(value.value);
    case "now":
      return syntax.call(["now"], []);
    case "autoincrement":
      return syntax.call(["autoincrement"], []);
    case "enum":
      // A bare word reads as the enum value; anything else (or a word that reads as a literal) is quoted.
      return isIdentifier(value.value) && !LITERAL_WORDS.has(value.value) ? syntax.word(value.value) : syntax.string(value.value);
    case "sql":
      return syntax.sql(value.sql);
  }
}

export function foreignKeyOptions(fk: ForeignKeyConstraint): Argument[] {
  const args: Argument[] = [];
  if (fk.onDelete) args.push(syntax.arg(syntax.word(fk.onDelete), "onDelete"));
  if (fk.onUpdate) args.push(syntax.arg(syntax.word(fk.onUpdate), "onUpdate"));
  if (fk.name !== undefined) args.push(syntax.arg(syntax.string(fk.name), "name"));
  if (fk.deferrable) args.push(syntax.arg(syntax.word("true"), "deferrable"));
  if (fk.initiallyDeferred) args.push(syntax.arg(syntax.word("true"), "initiallyDeferred"));
  if (fk.match) args.push(syntax.arg(syntax.word(fk.match), "match"));
  if (fk.notValid) args.push(syntax.arg(syntax.word("true"), "notValid"));
  return args;
}

function indexElement(e: IndexElement): Value {
  if (e.kind === "expression") return syntax.sql(e.sql);
  const options: Argument[] = [];
  if (e.order) options.push(syntax.arg(syntax.word(e.order), "sort"));
  if (e.nulls) options.push(syntax.arg(syntax.word(e.nulls), "nulls"));
  if (e.length !== undefined) options.push(syntax.arg(syntax.number(e.length), "length"));
  if (e.opclass !== undefined) options.push(syntax.arg(syntax.string(e.opclass), "ops"));
  return options.length ? syntax.call([e.name], options) : syntax.word(e.name);
}

export function indexAttribute(index: Index): Attribute {
  const args = [syntax.arg(syntax.list(index.elements.map(indexElement))), syntax.arg(syntax.string(index.name), "name")];
  if (index.unique) args.push(syntax.arg(syntax.word("true"), "unique"));
  if (index.where !== undefined) args.push(syntax.arg(syntax.sql(index.where), "where"));
  if (index.using !== undefined) args.push(syntax.arg(syntax.word(index.using), "using"));
  if (index.include) args.push(syntax.arg(syntax.names(index.include), "include"));
  if (index.storage !== undefined) args.push(syntax.arg(syntax.string(index.storage), "with"));
  if (index.nullsNotDistinct) args.push(syntax.arg(syntax.word("true"), "nullsNotDistinct"));
  return syntax.attr("index", args);
}

/** The target of a single-column foreign key: `table.column` or `schema.table.column`. */
export function referenceTarget(fk: ForeignKeyConstraint): Value {
  const parts = [...(fk.target.schema !== undefined ? [fk.target.schema] : []), fk.target.name, fk.targetColumns[0]];
  return syntax.word(...parts);
}
