import { defaultsEqual, formatDefault, typesEqual, type Column, type DefaultValue, type MetaData, type SqlType } from "../model/index.js";
import type { AlterColumnDraft } from "./alter-column-draft.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { normalizeSql } from "./normalize-sql.js";

/**
 * The column-level comparators: type, nullable, server default, comment,
 * and (as `modify_`-prefixed kw changes) identity, generated expression and
 * collation. Properties a dialect cannot hold (comments on SQLite) are not
 * compared there, or every run would report them.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("column", { name: "type" })(compareType);
  registry.dispatchFor("column", { name: "nullable" })(compareNullable);
  registry.dispatchFor("column", { name: "serverDefault" })(compareServerDefault);
  registry.dispatchFor("column", { name: "comment" })(compareComment);
  registry.dispatchFor("column", { name: "identity" })(compareIdentity);
  registry.dispatchFor("column", { name: "generated" })(compareGenerated);
  registry.dispatchFor("column", { name: "collation" })(compareCollation);
}

type Hook = (
  ctx: AutogenContext,
  op: AlterColumnDraft,
  schema: string | undefined,
  table: string,
  column: string,
  conn: Column,
  meta: Column,
) => void;

const compareType: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  const option = ctx.opts.compareType ?? true;
  if (option === false) return;
  let differs = typeof option === "function" ? option(ctx.migrationContext, conn, meta, conn.type, meta.type) : undefined;
  differs ??= !sameType(ctx, conn.type, meta.type);
  if (differs) op.modifyType = { from: conn.type, to: meta.type };
};

/**
 * Where enums are written inline on the column (MySQL), reflection names the
 * value list after the column (`user_role`) while the model names it after
 * its declaration (`Role`): such types are equal when their values are.
 */
function sameType(ctx: AutogenContext, a: SqlType, b: SqlType): boolean {
  if (typesEqual(a, b)) return true;
  const inline = ctx.dialect.capabilities.inlineEnums && !ctx.dialect.capabilities.namedEnums;
  if (!inline || a.kind !== "enum" || b.kind !== "enum" || (a.arrayDims ?? 0) !== (b.arrayDims ?? 0)) return false;
  const left = enumValues(ctx.databaseMetadata, a);
  const right = enumValues(ctx.targetMetadata, b);
  return left !== undefined && right !== undefined && left.length === right.length && left.every((v, i) => v === right[i]);
}

function enumValues(model: MetaData, type: SqlType & { kind: "enum" }): readonly string[] | undefined {
  return model.enums.get(type.schema ? `${type.schema}.${type.name}` : type.name)?.values;
}

const compareNullable: Hook = (_ctx, op, _s, _t, _c, conn, meta) => {
  if (conn.nullable !== meta.nullable) op.modifyNullable = { from: conn.nullable, to: meta.nullable };
};

const compareServerDefault: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  const option = ctx.opts.compareServerDefault ?? true;
  if (option === false) return;
  const rendered = meta.default && formatDefault(meta.default);
  let differs = typeof option === "function" ? option(ctx.migrationContext, conn, meta, conn.default, meta.default, rendered) : undefined;
  differs ??= !sameDefault(conn.default, meta.default);
  if (differs) op.modifyServerDefault = { from: conn.default, to: meta.default };
};

function sameDefault(a: DefaultValue | undefined, b: DefaultValue | undefined): boolean {
  if (a?.kind === "sql" && b?.kind === "sql") return normalizeSql(a.sql) === normalizeSql(b.sql);
  return defaultsEqual(a, b);
}

const compareComment: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (ctx.dialect.capabilities.comments && conn.comment !== meta.comment) op.modifyComment = { from: conn.comment, to: meta.comment };
};

const compareIdentity: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (ctx.dialect.capabilities.identityColumns && conn.identity !== meta.identity) {
    op.kw.modify_identity = { from: conn.identity, to: meta.identity };
  }
};

const compareGenerated: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (!ctx.dialect.capabilities.generatedColumns) return;
  const a = conn.generated;
  const b = meta.generated;
  const same = a === undefined || b === undefined ? a === b : a.stored === b.stored && normalizeSql(a.expression) === normalizeSql(b.expression);
  if (!same) op.kw.modify_generated = { from: a, to: b };
};

const compareCollation: Hook = (_ctx, op, _s, _t, _c, conn, meta) => {
  if (conn.collation !== meta.collation) op.kw.modify_collation = { from: conn.collation, to: meta.collation };
};
