import { defaultProbeKey } from "../dialects/dialect.js";
import { formatDefault, tableKey, typesEqual, type Column } from "../model/index.js";
import type { AlterColumnDraft } from "./alter-column-draft.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { normalizeSql } from "./normalize-sql.js";
import { sameDefault } from "./stored-defaults.js";

/**
 * The column-level comparators: type, nullable, server default, comment,
 * and (as `modify_`-prefixed kw changes) identity, generated expression,
 * collation, MySQL's ON UPDATE and INVISIBLE, PostgreSQL's STORAGE and COMPRESSION. Properties a dialect cannot hold (comments on SQLite) are not
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
  registry.dispatchFor("column", { name: "onUpdate" })(compareOnUpdate);
  registry.dispatchFor("column", { name: "invisible" })(compareInvisible);
  registry.dispatchFor("column", { name: "storage" })(compareStorage);
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

const compareType: Hook = (ctx, op, schema, table, _c, conn, meta) => {
  const option = ctx.opts.compareType ?? true;
  if (option === false) return;
  let differs = typeof option === "function" ? option(ctx.migrationContext, conn, meta, conn.type, meta.type) : undefined;
  // MySQL enums are compared by their values: normalizeModel put them on the columns.
  differs ??= !sameColumn(ctx, "type", schema, table, conn, meta);
  if (differs) op.modifyType = { from: conn.type, to: meta.type };
};

const compareNullable: Hook = (ctx, op, schema, table, _c, conn, meta) => {
  if (!sameColumn(ctx, "nullable", schema, table, conn, meta)) op.modifyNullable = { from: conn.nullable, to: meta.nullable };
};

/** The dialect's judgement where it keeps spellings that mean the same (Dialect.sameColumn), else the model's equality. */
function sameColumn(ctx: AutogenContext, aspect: "type" | "nullable", schema: string | undefined, table: string, conn: Column, meta: Column): boolean {
  const judge = ctx.dialect.sameColumn;
  const connTable = judge && ctx.databaseMetadata.tables.get(tableKey({ schema, name: table }));
  const metaTable = judge && ctx.targetMetadata.tables.get(tableKey({ schema, name: table }));
  if (judge && connTable && metaTable) return judge(aspect, { column: conn, table: connTable }, { column: meta, table: metaTable });
  return aspect === "type" ? typesEqual(conn.type, meta.type) : conn.nullable === meta.nullable;
}

const compareServerDefault: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  const option = ctx.opts.compareServerDefault ?? true;
  if (option === false) return;
  let differs =
    typeof option === "function" ? option(ctx.migrationContext, conn, meta, conn.default, meta.default, meta.default && formatDefault(meta.default)) : undefined;
  // As the server would store the model's default, when it was asked (storedDefaults; the probe key costs, and most runs ask none).
  const stored = ctx.storedDefaults.size > 0 ? ctx.storedDefaults.get(defaultProbeKey(meta)) : undefined;
  differs ??= !sameDefault(conn.default, stored ?? meta.default);
  if (differs) op.modifyServerDefault = { from: conn.default, to: meta.default };
};


const compareComment: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (ctx.dialect.capabilities.comments && conn.comment !== meta.comment) op.modifyComment = { from: conn.comment, to: meta.comment };
};

const compareIdentity: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (!ctx.dialect.capabilities.identityColumns) return;
  if (conn.identity !== meta.identity) op.kw.modify_identity = { from: conn.identity, to: meta.identity };
  // Options that change, also with the identity itself: a dropped identity's reverse creates it again with them.
  const same = conn.identityOptions === meta.identityOptions || JSON.stringify(conn.identityOptions ?? {}) === JSON.stringify(meta.identityOptions ?? {});
  if (!same) op.kw.modify_identity_options = { from: conn.identityOptions, to: meta.identityOptions };
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

const compareOnUpdate: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (ctx.dialect.capabilities.onUpdate && !sameDefault(conn.onUpdate, meta.onUpdate)) {
    op.kw.modify_on_update = { from: conn.onUpdate, to: meta.onUpdate };
  }
};

const compareInvisible: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (ctx.dialect.capabilities.invisibleColumns && !!conn.invisible !== !!meta.invisible) {
    op.kw.modify_invisible = { from: !!conn.invisible, to: !!meta.invisible };
  }
};

const compareStorage: Hook = (ctx, op, _s, _t, _c, conn, meta) => {
  if (!ctx.dialect.capabilities.columnStorage) return;
  if (conn.storage !== meta.storage) op.kw.modify_storage = { from: conn.storage, to: meta.storage };
  if (conn.compression !== meta.compression) op.kw.modify_compression = { from: conn.compression, to: meta.compression };
};
