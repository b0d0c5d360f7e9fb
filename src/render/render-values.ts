import {
  fitsJsNumber,
  type CheckConstraint,
  type Column,
  type DefaultValue,
  type ForeignKeyConstraint,
  type Index,
  type IndexElement,
  type PrimaryKeyConstraint,
  type SqlType,
  type Table,
  type UniqueConstraint,
} from "../model/index.js";
import { PORTABLE_BUILDER_ARITY } from "../migration-api/type-builders.js";
import { call, Code, isIdentifier, jsLiteral, optionsArg } from "./js-literal.js";
import type { RenderContext, RenderItemType } from "./render-context.js";

/**
 * Model values as the `s` builder calls that rebuild them. Each goes through
 * `renderItem` first; `undefined` from a value that cannot be left out is an error.
 */
export function renderType(type: SqlType, ctx: RenderContext): Code {
  const custom = userRendered("type", type, ctx);
  if (custom === undefined) throw new TypeError("renderItem returned undefined for a type; return false for the default rendering");
  return custom ?? new Code(wrapArray(type, baseType(type, ctx), ctx));
}

/** The default as migrations write it: literals as themselves, the rest through builders. */
export function renderDefault(value: DefaultValue, ctx: RenderContext): Code | undefined {
  const custom = userRendered("default", value, ctx);
  if (custom !== null) return custom;
  switch (value.kind) {
    case "literal":
      return new Code(jsLiteral(value.value));
    case "number":
      // A JS number only where it holds the value exactly; else the exact text.
      return new Code(fitsJsNumber(value.value) ? value.value : call(s(ctx, "number"), value.value));
    case "now":
      return new Code(call(s(ctx, "now")));
    case "autoincrement":
      return new Code(call(s(ctx, "autoincrement")));
    case "enum":
      return new Code(call(s(ctx, "enumValue"), value.value));
    case "sql":
      return new Code(call(s(ctx, "sql"), value.sql));
  }
}

export function renderColumn(column: Column, ctx: RenderContext): Code | undefined {
  const custom = userRendered("column", column, ctx);
  if (custom !== null) return custom;
  const options = {
    nullable: column.nullable,
    default: column.default === undefined ? undefined : renderDefault(column.default, ctx),
    identity: column.identity,
    identityOptions: column.identityOptions,
    generated: column.generated,
    comment: column.comment,
    collation: column.collation,
    onUpdate: column.onUpdate === undefined ? undefined : renderDefault(column.onUpdate, ctx),
    invisible: column.invisible,
    storage: column.storage,
    compression: column.compression,
  };
  return new Code(call(s(ctx, "column"), column.name, renderType(column.type, ctx), options));
}

export type TableConstraint = PrimaryKeyConstraint | ForeignKeyConstraint | UniqueConstraint | CheckConstraint;

export function renderConstraint(constraint: TableConstraint, ctx: RenderContext): Code | undefined {
  const custom = userRendered(constraint.kind, constraint, ctx);
  if (custom !== null) return custom;
  switch (constraint.kind) {
    case "primaryKey":
    case "unique": {
      const options = optionsArg({
        name: constraint.name,
        nullsNotDistinct: constraint.kind === "unique" ? constraint.nullsNotDistinct : undefined,
        deferrable: constraint.deferrable,
        initiallyDeferred: constraint.initiallyDeferred,
      });
      return new Code(options === undefined ? call(s(ctx, constraint.kind), ...constraint.columns) : call(s(ctx, constraint.kind), constraint.columns, options));
    }
    case "foreignKey":
      return new Code(
        call(
          s(ctx, "foreignKey"),
          constraint.columns,
          constraint.target.schema === undefined ? constraint.target.name : constraint.target,
          constraint.targetColumns,
          optionsArg(foreignKeyOptions(constraint)),
        ),
      );
    case "check":
      return new Code(
        constraint.notValid
          ? call(s(ctx, "check"), constraint.expression, constraint.name, { notValid: true })
          : call(s(ctx, "check"), constraint.expression, constraint.name),
      );
  }
}

/** The options of a foreign key as `s.foreignKey` and `op.createForeignKey` take them. */
export function foreignKeyOptions(fk: ForeignKeyConstraint): Record<string, unknown> {
  return {
    name: fk.name,
    onDelete: fk.onDelete,
    onUpdate: fk.onUpdate,
    deferrable: fk.deferrable,
    initiallyDeferred: fk.initiallyDeferred,
    match: fk.match,
    notValid: fk.notValid,
  };
}

export function renderIndex(index: Index, ctx: RenderContext): Code | undefined {
  const custom = userRendered("index", index, ctx);
  if (custom !== null) return custom;
  return new Code(call(s(ctx, "index"), index.name, renderIndexElements(index.elements, ctx), optionsArg(indexOptions(index))));
}

/** Elements as `op.createIndex` and `s.index` take them: a bare name, a full column element, or `s.expression(...)`. */
export function renderIndexElements(elements: readonly IndexElement[], ctx: RenderContext): unknown[] {
  return elements.map((e) => {
    if (e.kind === "expression") return new Code(call(s(ctx, "expression"), e.sql));
    return Object.keys(e).length === 2 ? e.name : e;
  });
}

export function indexOptions(index: Index): Record<string, unknown> {
  return {
    unique: index.unique || undefined,
    where: index.where,
    using: index.using,
    include: index.include,
    storage: index.storage,
    nullsNotDistinct: index.nullsNotDistinct,
  };
}

/** Everything inside a table, as the arguments of `op.createTable(name, ...)` or `s.table(name, ...)`. */
export function renderTableItems(table: Table, ctx: RenderContext): unknown[] {
  const constraints: TableConstraint[] = [
    ...(table.primaryKey ? [table.primaryKey] : []),
    ...table.foreignKeys,
    ...table.uniqueConstraints,
    ...table.checkConstraints,
  ];
  const items = [
    ...table.columns.map((c) => renderColumn(c, ctx)),
    ...constraints.map((c) => renderConstraint(c, ctx)),
    ...table.indexes.map((i) => renderIndex(i, ctx)),
  ].filter((item): item is Code => item !== undefined);
  const options = optionsArg({ schema: table.schema, comment: table.comment, ...table.options });
  return options ? [...items, options] : items;
}

/** `s.table("name", ...)`: a whole table, for ops that carry one (drops keep what they drop). */
export function renderTable(table: Table, ctx: RenderContext): Code {
  return new Code(call(s(ctx, "table"), table.name, ...renderTableItems(table, ctx)));
}

/** A builder's name with the schema prefix; marks the `s` import as needed. */
export function s(ctx: RenderContext, builder: string): string {
  ctx.usesSchemaBuilders = true;
  return `${ctx.schemaPrefix}${builder}`;
}

/** The user's rendering: Code, `undefined` to leave the item out, or null for strata's own. */
function userRendered(type: RenderItemType, obj: unknown, ctx: RenderContext): Code | undefined | null {
  if (!ctx.renderItem) return null;
  const result = ctx.renderItem(type, obj, ctx);
  if (result === false) return null;
  return result === undefined ? undefined : new Code(result);
}

function baseType(type: SqlType, ctx: RenderContext): string {
  if (type.kind === "enum") return call(s(ctx, "enumType"), type.name, type.schema);
  const arity = PORTABLE_BUILDER_ARITY.get(type.name);
  const numeric = type.args.every((a) => typeof a === "number");
  let text: string;
  if (arity !== undefined && numeric && type.args.length <= arity) text = call(s(ctx, type.name), ...type.args);
  else if (arity === undefined && ctx.userModulePrefix !== undefined && isIdentifier(type.name)) {
    text = call(`${ctx.userModulePrefix}${type.name}`, ...type.args);
  } else text = call(s(ctx, "type"), type.name, type.args.length ? type.args : undefined);
  if (type.unsigned) text = call(s(ctx, type.zerofill ? "zerofill" : "unsigned"), new Code(text));
  return type.declared !== undefined ? call(s(ctx, "declared"), type.declared, new Code(text)) : text;
}

function wrapArray(type: SqlType, text: string, ctx: RenderContext): string {
  const dims = type.arrayDims ?? 0;
  if (dims === 0) return text;
  return call(s(ctx, "array"), new Code(text), dims === 1 ? undefined : dims);
}
