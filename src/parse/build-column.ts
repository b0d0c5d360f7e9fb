import {
  CheckConstraint,
  Column,
  COLUMN_STORAGES,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type ColumnProps,
  type IdentityKind,
} from "../model/index.js";
import type { Attribute, ColumnNode, Value } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { FOREIGN_KEY_OPTIONS, readForeignKeyOptions } from "./foreign-key-options.js";
import { readArgs, readBoolean, readFreeWord, readInteger, readNotValid, readSql, readString, readWord, type Signature } from "./read-args.js";
import { readDefault } from "./read-default.js";
import { readDeferrable } from "./read-deferrable.js";
import { readNullsNotDistinct } from "./read-index.js";
import { resolveType, type ResolvedType } from "./resolve-type.js";
import { didYouMean } from "./suggest.js";
import { UNRESOLVED_TYPE, type TableDraft } from "./table-draft.js";

const sig = (positional: string[], required: number, named: readonly string[], usage: string): Signature => ({
  positional,
  required,
  named,
  usage,
});

/** Column attributes and what they accept. */
export const COLUMN_ATTRIBUTES: Record<string, Signature> = {
  id: sig([], 0, [], "@id"),
  default: sig(["value"], 1, [], "@default(value)"),
  unique: sig([], 0, ["name", "nullsNotDistinct", "deferrable", "initiallyDeferred"], '@unique or @unique(name: "uq_x")'),
  references: sig(["target"], 1, FOREIGN_KEY_OPTIONS, "@references(table.column, onDelete: cascade)"),
  check: sig(["expression"], 1, ["name", "notValid"], '@check(sql("..."), name: "ck_x")'),
  comment: sig(["text"], 1, [], '@comment("...")'),
  renamedFrom: sig(["old name"], 1, [], '@renamedFrom("old_name")'),
  identity: sig(["kind"], 0, ["start", "increment", "minValue", "maxValue", "cache", "cycle"], "@identity or @identity(always, start: 100)"),
  generated: sig(["expression"], 1, ["stored"], '@generated(sql("..."), stored: true)'),
  collate: sig(["collation"], 1, [], '@collate("C")'),
  onUpdate: sig(["value"], 1, [], "@onUpdate(now())"),
  storage: sig(["storage"], 1, [], "@storage(external)"),
  compression: sig(["method"], 1, [], "@compression(lz4)"),
  invisible: sig([], 0, [], "@invisible"),
};

/** Attributes that may appear more than once on a column. */
const REPEATABLE = new Set(["check"]);

/**
 * Reads one column: its type, then each attribute. Column-level constraints
 * (`@id`, `@unique`, `@references`, `@check`) go to the table draft.
 */
export function buildColumn(ctx: BuildContext, node: ColumnNode, draft: TableDraft): void {
  const name = node.name.text;
  if (draft.hasColumn(name)) {
    ctx.error(node.name, `duplicate column "${name}" in table "${draft.name.key}"`);
    return;
  }
  const resolved = resolveType(ctx, node.type);
  const props: { -readonly [K in keyof ColumnProps]: ColumnProps[K] } = {
    name,
    type: resolved?.type ?? UNRESOLVED_TYPE,
    nullable: node.nullable,
  };
  if (resolved?.autoincrement) props.default = { kind: "autoincrement" };
  const state: ColumnState = { props, draft, resolved, node };
  const attributes = node.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes[i];
    const signature = COLUMN_ATTRIBUTES[attr.name];
    if (!signature) {
      const known = Object.keys(COLUMN_ATTRIBUTES).map((a) => `@${a}`);
      ctx.error(attr, `unknown attribute "@${attr.name}"${didYouMean(`@${attr.name}`, known)}`);
      continue;
    }
    if (!REPEATABLE.has(attr.name) && writtenBefore(attributes, i)) {
      ctx.error(attr, `duplicate @${attr.name} on column "${name}"`);
      continue;
    }
    const args = readArgs(ctx, attr, "@", signature);
    if (args) applyAttribute(ctx, attr, args.positional, args.named, state);
  }
  // A database computes these columns itself: a default would never apply, and reflection never shows one.
  const computed = node.attributes.find((a) => a.name === "identity" || a.name === "generated");
  if (computed && props.default !== undefined && (props.identity !== undefined || props.generated !== undefined)) {
    ctx.error(computed, `an @${computed.name} column cannot also have a default`);
  }
  draft.columns.push(new Column(props));
}

/** Whether an attribute of the same name comes earlier: a column has a handful, so a scan beats a Set per column. */
function writtenBefore(attributes: readonly Attribute[], index: number): boolean {
  for (let i = 0; i < index; i++) if (attributes[i].name === attributes[index].name) return true;
  return false;
}

interface ColumnState {
  readonly props: { -readonly [K in keyof ColumnProps]: ColumnProps[K] };
  readonly draft: TableDraft;
  readonly resolved: ResolvedType | undefined;
  readonly node: ColumnNode;
}

function applyAttribute(
  ctx: BuildContext,
  attr: Attribute,
  positional: readonly Value[],
  named: ReadonlyMap<string, Value>,
  state: ColumnState,
): void {
  const { props, draft, resolved, node } = state;
  const [first] = positional;
  switch (attr.name) {
    case "id":
      draft.setPrimaryKey(new PrimaryKeyConstraint({ columns: Object.freeze([props.name]) }), attr);
      return;
    case "default": {
      if (resolved?.autoincrement) {
        ctx.error(attr, `a ${node.type.name.parts[0].text} column cannot have @default: it already means @default(autoincrement())`);
        return;
      }
      if (!resolved) return;
      const value = readDefault(ctx, first, resolved.enumDecl);
      if (value) props.default = value;
      return;
    }
    case "unique": {
      const nameValue = named.get("name");
      const constraintName = nameValue ? readString(ctx, nameValue) : undefined;
      if (nameValue && constraintName === undefined) return;
      const nullsValue = named.get("nullsNotDistinct");
      const nullsNotDistinct = nullsValue && readNullsNotDistinct(ctx, nullsValue);
      if (nullsValue && nullsNotDistinct === undefined) return;
      const deferral = readDeferrable(ctx, named, attr, "deferrableKeys");
      if (!deferral || !draft.claimName(constraintName, nameValue ?? attr, "constraint")) return;
      draft.uniques.push(new UniqueConstraint({ ...deferral, name: constraintName, columns: Object.freeze([props.name]), nullsNotDistinct }));
      return;
    }
    case "references":
      readReferences(ctx, attr, first, named, state);
      return;
    case "check": {
      if (!ctx.requires("checkConstraints", attr)) return;
      const expression = readSql(ctx, first);
      const nameValue = named.get("name");
      const checkName = nameValue ? readString(ctx, nameValue) : undefined;
      const notValid = readNotValid(ctx, named.get("notValid"));
      if (expression === undefined || notValid === null || (nameValue && checkName === undefined)) return;
      if (!draft.claimName(checkName, nameValue ?? attr, "constraint")) return;
      draft.checks.push(new CheckConstraint({ name: checkName, expression, notValid }));
      return;
    }
    case "comment":
      if (ctx.requires("comments", attr)) props.comment = readString(ctx, first);
      return;
    case "renamedFrom":
      props.renamedFrom = readString(ctx, first);
      return;
    case "identity": {
      if (!ctx.requires("identityColumns", attr)) return;
      const kind: IdentityKind | undefined = first ? readWord(ctx, first, "identity kind", ["always", "byDefault"] as const) : "byDefault";
      if (kind) props.identity = kind;
      const options: Record<string, number | boolean> = {};
      for (const [key, value] of named) {
        const read = key === "cycle" ? readBoolean(ctx, value) : readInteger(ctx, value);
        if (read !== undefined) options[key] = read;
      }
      if (named.size) props.identityOptions = options;
      return;
    }
    case "generated": {
      if (!ctx.requires("generatedColumns", attr)) return;
      const expression = readSql(ctx, first);
      const storedValue = named.get("stored");
      const stored = storedValue ? readBoolean(ctx, storedValue) : false;
      if (expression !== undefined && stored !== undefined) props.generated = { expression, stored };
      return;
    }
    case "collate":
      props.collation = readString(ctx, first);
      return;
    case "onUpdate": {
      if (!ctx.requires("onUpdate", attr)) return;
      const value = readDefault(ctx, first, undefined);
      if (value && value.kind !== "now" && value.kind !== "sql") ctx.error(first, '@onUpdate takes now() or sql("...")');
      else if (value) props.onUpdate = value;
      return;
    }
    case "storage": {
      if (!ctx.requires("columnStorage", attr)) return;
      const storage = readWord(ctx, first, "storage", COLUMN_STORAGES);
      if (storage) props.storage = storage;
      return;
    }
    case "compression": {
      if (!ctx.requires("columnStorage", attr)) return;
      const method = readFreeWord(ctx, first, "a compression method like lz4");
      if (method) props.compression = method;
      return;
    }
    case "invisible":
      if (ctx.requires("invisibleColumns", attr)) props.invisible = true;
      return;
    default:
      throw new Error(`build-column: no handler for @${attr.name}`);
  }
}

/** `@references(table.column)` or `@references(schema.table.column)`, plus options. */
function readReferences(
  ctx: BuildContext,
  attr: Attribute,
  target: Value,
  named: ReadonlyMap<string, Value>,
  { props, draft, node }: ColumnState,
): void {
  if (target.kind !== "path" || target.parts.length < 2 || target.parts.length > 3) {
    ctx.error(target, "expected the referenced column as table.column or schema.table.column");
    return;
  }
  const parts = target.parts;
  const column = parts[parts.length - 1];
  const table = parts.length === 3 ? ctx.qualify(parts[0], parts[1].text) : { name: parts[0].text, key: parts[0].text };
  const options = readForeignKeyOptions(ctx, named, attr);
  if (!table || !options) return;
  if (!draft.claimName(options.name, named.get("name") ?? attr, "constraint")) return;
  draft.foreignKeys.push({
    columns: [node.name],
    target: table,
    targetPos: parts[parts.length - 2],
    targetColumns: [column],
    options,
    pos: attr,
    path: ctx.path,
  });
}
