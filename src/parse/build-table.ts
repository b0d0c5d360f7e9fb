import { CheckConstraint, PrimaryKeyConstraint, UniqueConstraint } from "../model/index.js";
import type { Attribute, TableDecl, Value } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { buildColumn } from "./build-column.js";
import { FOREIGN_KEY_OPTIONS, readForeignKeyOptions } from "./foreign-key-options.js";
import { readArgs, readNameList, readNotValid, readSql, readString, describeValue, type Signature } from "./read-args.js";
import { readDeferrable } from "./read-deferrable.js";
import { readIndex, readNullsNotDistinct } from "./read-index.js";
import { readParent, readParents, readPartitionBound, readPartitionBy } from "./read-partitioning.js";
import { readTableOption, TABLE_OPTION_ATTRIBUTES } from "./read-table-option.js";
import { didYouMean } from "./suggest.js";
import { TableDraft } from "./table-draft.js";

const sig = (positional: string[], required: number, named: readonly string[], usage: string): Signature => ({
  positional,
  required,
  named,
  usage,
});

/** Table attributes and what they accept. */
export const TABLE_ATTRIBUTES: Record<string, Signature> = {
  id: sig(["columns"], 1, ["name", "deferrable", "initiallyDeferred"], '@@id([a, b], name: "pk_x")'),
  index: sig(["columns"], 1, ["name", "unique", "where", "using", "include", "with", "nullsNotDistinct"], '@@index([a, b], name: "ix_x")'),
  unique: sig(["columns"], 1, ["name", "nullsNotDistinct", "deferrable", "initiallyDeferred"], '@@unique([a, b], name: "uq_x")'),
  foreignKey: sig(["columns"], 1, ["references", ...FOREIGN_KEY_OPTIONS], "@@foreignKey([a, b], references: other([x, y]))"),
  check: sig(["expression"], 1, ["name", "notValid"], '@@check(sql("..."), name: "ck_x")'),
  comment: sig(["text"], 1, [], '@@comment("...")'),
  renamedFrom: sig(["old name"], 1, [], '@@renamedFrom("old_name")'),
  partitionBy: sig(["strategy", "key"], 2, [], "@@partitionBy(range, [column])"),
  partitionOf: sig(["parent", "bound"], 2, [], '@@partitionOf(parent, sql("FOR VALUES ...")) or @@partitionOf(parent, default)'),
  inherits: sig(["parents"], 1, [], "@@inherits([parent])"),
  ...TABLE_OPTION_ATTRIBUTES,
};

const ONCE = new Set(["comment", "renamedFrom", "partitionBy", "partitionOf", "inherits", ...Object.keys(TABLE_OPTION_ATTRIBUTES)]);

/** Attributes that make a table take its columns from a parent. */
const CHILD_ATTRIBUTES = new Set(["partitionOf", "inherits"]);

/** Reads a table's columns, then its `@@` attributes (which may name columns declared after them). */
export function buildTable(ctx: BuildContext, decl: TableDecl, name: ObjectName): TableDraft {
  const draft = new TableDraft(ctx, name);
  const attributes = decl.members.flatMap((m) => (m.kind === "tableAttribute" ? [m.attribute] : []));
  draft.inheritsColumns = attributes.some((a) => CHILD_ATTRIBUTES.has(a.name));
  const partitionOf = attributes.find((a) => a.name === "partitionOf");
  for (const member of decl.members) {
    if (member.kind !== "column") continue;
    if (partitionOf) ctx.error(member, `a partition takes its columns from its parent table: declare "${member.name.text}" there`);
    else buildColumn(ctx, member, draft);
  }
  const seen = new Set<string>();
  for (const member of decl.members) {
    if (member.kind !== "tableAttribute") continue;
    const attr = member.attribute;
    const signature = TABLE_ATTRIBUTES[attr.name];
    if (!signature) {
      const known = Object.keys(TABLE_ATTRIBUTES).map((a) => `@@${a}`);
      ctx.error(attr, `unknown table attribute "@@${attr.name}"${didYouMean(`@@${attr.name}`, known)}`);
      continue;
    }
    if (ONCE.has(attr.name) && seen.has(attr.name)) {
      ctx.error(attr, `duplicate @@${attr.name} on table "${name.key}"`);
      continue;
    }
    seen.add(attr.name);
    const args = readArgs(ctx, attr, "@@", signature);
    if (!args) continue;
    if (PARTITIONING.has(attr.name)) readPartitioning(ctx, attr, args.positional, draft);
    else applyTableAttribute(ctx, attr, args.positional[0], args.named, draft);
  }
  draft.seal();
  return draft;
}

const PARTITIONING = new Set(["partitionBy", "partitionOf", "inherits"]);

/** `@@partitionBy`, `@@partitionOf` and `@@inherits` (PostgreSQL), as table options; parents are checked later. */
function readPartitioning(ctx: BuildContext, attr: Attribute, positional: readonly Value[], draft: TableDraft): void {
  if (ctx.dialect && !ctx.dialect.capabilities.tableOptions.includes(attr.name as "partitionBy" | "partitionOf" | "inherits")) {
    ctx.error(attr, `@@${attr.name} is not supported by ${ctx.dialect.name}`);
    return;
  }
  if (attr.name === "partitionBy") {
    const key = readPartitionBy(ctx, positional[0], positional[1]);
    if (key !== undefined) draft.options.partitionBy = key;
  } else if (attr.name === "partitionOf") {
    const parent = readParent(ctx, positional[0]);
    const bound = readPartitionBound(ctx, positional[1]);
    if (!parent || bound === undefined) return;
    draft.parents.push(parent);
    draft.options.partitionOf = parent.parent.key;
    draft.options.partitionBound = bound;
  } else {
    const parents = readParents(ctx, attr, positional[0]);
    if (!parents) return;
    draft.parents.push(...parents);
    draft.options.inherits = parents.map((p) => p.parent.key).join(", ");
  }
}

function applyTableAttribute(
  ctx: BuildContext,
  attr: Attribute,
  first: Value,
  named: ReadonlyMap<string, Value>,
  draft: TableDraft,
): void {
  const nameValue = named.get("name");
  const constraintName = nameValue && attr.name !== "index" ? readString(ctx, nameValue) : undefined;
  if (nameValue && attr.name !== "index" && constraintName === undefined) return;
  const namePos = nameValue ?? attr;
  switch (attr.name) {
    case "id":
    case "unique": {
      const columns = readNameList(ctx, first);
      if (!columns || !draft.checkColumns(columns)) return;
      const props = { name: constraintName, columns: Object.freeze(columns.map((c) => c.text)) };
      const nullsValue = named.get("nullsNotDistinct");
      const nullsNotDistinct = nullsValue && readNullsNotDistinct(ctx, nullsValue);
      const deferral = readDeferrable(ctx, named, attr, "deferrableKeys");
      if (!deferral) return;
      if (attr.name === "id") draft.setPrimaryKey(new PrimaryKeyConstraint({ ...props, ...deferral }), attr);
      else if (nullsValue && nullsNotDistinct === undefined) return;
      else if (draft.claimName(constraintName, namePos, "constraint")) draft.uniques.push(new UniqueConstraint({ ...props, ...deferral, nullsNotDistinct }));
      return;
    }
    case "index":
      readIndex(ctx, attr, first, named, draft);
      return;
    case "foreignKey":
      readForeignKey(ctx, attr, first, named, draft);
      return;
    case "check": {
      if (!ctx.requires("checkConstraints", attr)) return;
      const expression = readSql(ctx, first);
      const notValid = readNotValid(ctx, named.get("notValid"));
      if (expression === undefined || notValid === null || !draft.claimName(constraintName, namePos, "constraint")) return;
      draft.checks.push(new CheckConstraint({ name: constraintName, expression, notValid }));
      return;
    }
    case "comment":
      if (ctx.requires("comments", attr)) draft.comment = readString(ctx, first);
      return;
    case "renamedFrom":
      draft.renamedFrom = readString(ctx, first);
      return;
    default:
      if (!(attr.name in TABLE_OPTION_ATTRIBUTES)) throw new Error(`build-table: no handler for @@${attr.name}`);
      readTableOption(ctx, attr, first, named, draft.options);
  }
}

/** `@@foreignKey([a, b], references: schema.table([x, y]), ...)`. */
function readForeignKey(
  ctx: BuildContext,
  attr: Attribute,
  first: Value,
  named: ReadonlyMap<string, Value>,
  draft: TableDraft,
): void {
  const columns = readNameList(ctx, first);
  const refs = named.get("references");
  if (!refs) {
    ctx.error(attr, "missing references: of @@foreignKey: expected @@foreignKey([a, b], references: other([x, y]))");
    return;
  }
  const options = readForeignKeyOptions(ctx, named, attr);
  if (refs.kind !== "call" || refs.callee.length > 2 || refs.args.length !== 1 || refs.args[0].name) {
    ctx.error(refs, `expected references: table([columns]) but found ${describeValue(refs)}`);
    return;
  }
  const targetColumns = readNameList(ctx, refs.args[0].value);
  const parts = refs.callee;
  const target = parts.length === 2 ? ctx.qualify(parts[0], parts[1].text) : { name: parts[0].text, key: parts[0].text };
  if (!columns || !options || !targetColumns || !target || !draft.checkColumns(columns)) return;
  if (columns.length !== targetColumns.length) {
    const count = (n: number) => `${n} ${n === 1 ? "column" : "columns"}`;
    ctx.error(refs.args[0], `@@foreignKey has ${count(columns.length)} but references ${count(targetColumns.length)}`);
    return;
  }
  if (!draft.claimName(options.name, named.get("name") ?? attr, "constraint")) return;
  draft.foreignKeys.push({
    columns,
    target,
    targetPos: parts[parts.length - 1],
    targetColumns,
    options,
    pos: attr,
    path: ctx.path,
  });
}
