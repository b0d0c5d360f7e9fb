import { Index, type IndexElement } from "../model/index.js";
import type { Argument, Attribute, NameNode, Pos, Value } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { describeValue, listWords, readBoolean, readFreeWord, readInteger, readNameList, readSql, readString, readWord, sqlOf } from "./read-args.js";
import { didYouMean } from "./suggest.js";

/**
 * What an index is declared on: a table while it is read (TableDraft), or
 * a materialized view, whose columns are its query's and known only to the
 * database.
 */
export interface IndexTarget {
  readonly name: ObjectName;
  readonly indexes: Index[];
  claimName(name: string, pos: Pos, kind: "index", hint: string): boolean;
  checkColumns(names: readonly NameNode[]): boolean;
}

/** PostgreSQL's own limit on identifier length: a longer generated name would be truncated by the server. */
const MAX_NAME = 63;

/**
 * `@@index([a, b(sort: desc), sql("lower(x)")], name:, unique:, where:, using:, include:, with:, nullsNotDistinct:)`.
 * An unnamed index is named `<table>_<columns>_idx`, as PostgreSQL names one.
 */
export function readIndex(
  ctx: BuildContext,
  attr: Attribute,
  list: Value,
  named: ReadonlyMap<string, Value>,
  draft: IndexTarget,
): void {
  if (list.kind !== "list" || list.items.length === 0) {
    ctx.error(list, `expected a list of index columns like [a, b] but found ${list.kind === "list" ? "an empty list" : describeValue(list)}`);
    return;
  }
  const elements = list.items.map((item) => readElement(ctx, item, draft));
  if (!elements.every((e) => e !== undefined)) return;
  const name = readOption(ctx, named, "name", readString);
  const unique = readOption(ctx, named, "unique", readBoolean);
  const where = readOption(ctx, named, "where", readWhere);
  const using = readOption(ctx, named, "using", readMethod);
  const include = readOption(ctx, named, "include", readInclude(draft));
  const storage = readOption(ctx, named, "with", readStorage);
  const nullsNotDistinct = readOption(ctx, named, "nullsNotDistinct", readNullsNotDistinct);
  if (name === null || unique === null || where === null || using === null) return;
  if (include === null || storage === null || nullsNotDistinct === null) return;
  const generated = name === undefined;
  const indexName = name ?? generatedName(draft.name.name, elements as IndexElement[]);
  const hint = generated ? ` (the generated name of this index; give it a name: to tell them apart)` : "";
  if (!draft.claimName(indexName, named.get("name") ?? attr, "index", hint)) return;
  draft.indexes.push(
    new Index({
      name: indexName,
      elements: elements as IndexElement[],
      ...(unique ? { unique } : {}),
      ...(where !== undefined ? { where } : {}),
      ...(using !== undefined ? { using } : {}),
      ...(include !== undefined ? { include } : {}),
      ...(storage !== undefined ? { storage } : {}),
      ...(nullsNotDistinct ? { nullsNotDistinct } : {}),
    }),
  );
}

/** `include: [c, d]`: columns of the table, stored in the index but not part of its key (PostgreSQL). */
function readInclude(draft: IndexTarget) {
  return (ctx: BuildContext, value: Value): string[] | undefined => {
    if (!ctx.requires("coveringIndexes", value)) return undefined;
    const names = readNameList(ctx, value);
    return names && draft.checkColumns(names) ? names.map((n) => n.text) : undefined;
  };
}

/** `with: "fillfactor=70"`: storage parameters as `WITH (...)` writes them (PostgreSQL). */
function readStorage(ctx: BuildContext, value: Value): string | undefined {
  return ctx.requires("coveringIndexes", value) ? readString(ctx, value) : undefined;
}

export function readNullsNotDistinct(ctx: BuildContext, value: Value): boolean | undefined {
  return ctx.requires("nullsNotDistinct", value) ? readBoolean(ctx, value) : undefined;
}

/** A named option: undefined when absent, null when wrong (and reported). */
function readOption<T>(
  ctx: BuildContext,
  named: ReadonlyMap<string, Value>,
  key: string,
  read: (ctx: BuildContext, v: Value) => T | undefined,
): T | undefined | null {
  const v = named.get(key);
  if (!v) return undefined;
  return read(ctx, v) ?? null;
}

function readWhere(ctx: BuildContext, value: Value): string | undefined {
  return ctx.requires("partialIndexes", value) ? readSql(ctx, value) : undefined;
}

function generatedName(table: string, elements: readonly IndexElement[]): string {
  const parts = elements.map((e) => (e.kind === "column" ? e.name : "expr"));
  return `${table}_${parts.join("_")}_idx`.slice(0, MAX_NAME);
}

function readMethod(ctx: BuildContext, value: Value): string | undefined {
  const method = readFreeWord(ctx, value, "an index method like btree");
  if (method === undefined || !ctx.dialect) return method;
  const methods = ctx.dialect.capabilities.indexMethods;
  if (methods.includes(method)) return method;
  if (methods.length === 0) {
    ctx.error(value, `index methods (using:) are not supported by ${ctx.dialect.name}`);
  } else {
    const hint = didYouMean(method, methods) || `; expected ${listWords(methods)}`;
    ctx.error(value, `index method "${method}" is not supported by ${ctx.dialect.name}${hint}`);
  }
  return undefined;
}

type ColumnElement = { -readonly [K in keyof Extract<IndexElement, { kind: "column" }>]: Extract<IndexElement, { kind: "column" }>[K] };

/** Options of one index column, each reading its value into the element; false when it was wrong (and reported). */
const ELEMENT_OPTIONS: Record<string, (ctx: BuildContext, v: Value, e: ColumnElement) => boolean> = {
  sort: (ctx, v, e) => (e.order = readWord(ctx, v, "sort order", ["asc", "desc"] as const)) !== undefined,
  nulls: (ctx, v, e) => (e.nulls = readWord(ctx, v, "nulls position", ["first", "last"] as const)) !== undefined,
  length: (ctx, v, e) => ctx.requires("indexPrefixLengths", v) && (e.length = readInteger(ctx, v)) !== undefined,
  ops: (ctx, v, e) => (e.opclass = readString(ctx, v)) !== undefined,
};

function readElement(ctx: BuildContext, item: Value, draft: IndexTarget): IndexElement | undefined {
  if (item.kind === "call") {
    const sql = sqlOf(item);
    if (sql !== undefined) return ctx.requires("expressionIndexes", item) ? Object.freeze({ kind: "expression", sql }) : undefined;
    if (item.callee.length === 1) return readColumnWithOptions(ctx, item.callee[0], item.args, draft);
  }
  const name = item.kind === "path" && item.parts.length === 1 ? item.parts[0] : item.kind === "string" ? { text: item.value, quoted: true, startOffset: item.startOffset, endOffset: item.endOffset } : undefined;
  if (!name) {
    ctx.error(item, `expected an index column, a column with options like a(sort: desc), or sql("...") but found ${describeValue(item)}`);
    return undefined;
  }
  return draft.checkColumns([name]) ? Object.freeze({ kind: "column", name: name.text }) : undefined;
}

function readColumnWithOptions(ctx: BuildContext, column: NameNode, args: readonly Argument[], draft: IndexTarget): IndexElement | undefined {
  let ok = draft.checkColumns([column]);
  const element: ColumnElement = { kind: "column", name: column.text };
  const seen = new Set<string>();
  for (const arg of args) {
    const key = arg.name?.text;
    const read = key === undefined ? undefined : ELEMENT_OPTIONS[key];
    if (key !== undefined && seen.has(key)) {
      ctx.error(arg.name!, `duplicate option "${key}" on index column "${column.text}"`);
      ok = false;
      continue;
    }
    if (key === undefined || !read) {
      const hint = (key !== undefined && didYouMean(key, Object.keys(ELEMENT_OPTIONS))) || "; expected sort:, nulls:, length: or ops:";
      ctx.error(arg.name ?? arg, `unknown option${key === undefined ? "" : ` "${key}"`} on index column "${column.text}"${hint}`);
      ok = false;
      continue;
    }
    seen.add(key);
    if (!read(ctx, arg.value, element)) ok = false;
  }
  return ok ? Object.freeze(element) : undefined;
}
