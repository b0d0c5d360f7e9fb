import type { MetaData } from "../model/index.js";
import type { Dialect } from "../dialects/dialect.js";
import { newRevisionId } from "../revisions/revision-id.js";
import { DowngradeOps, MigrationScript, UpgradeOps, type DiffEntry } from "../ops/index.js";
import { AutogenContext } from "./autogen-context.js";
import { routinesToAskAbout } from "./compare-functions.js";
import { policiesToAskAbout } from "./compare-policies.js";
import { viewsToAskAbout } from "./compare-views.js";
import { defaultsToAskAbout } from "./stored-defaults.js";
import { compareNames } from "./filters.js";
import type { AutogenOptions, MigrationContext } from "./migration-context.js";
import { orderOps } from "./order-ops.js";
import { tableRenames } from "./renames.js";
import { wrapDependentViews } from "./wrap-dependent-views.js";

export class NoConnectionError extends Error {
  override readonly name = "NoConnectionError";
}

/**
 * A model as the dialect's normalizeModel gives it, made once per model:
 * asking for stored defaults needs both sides normalized, and compareModels
 * normalizes them again (MySQL, 10,000 tables: 0.9 to 2 s each time, measured on a
 * loaded machine).
 * Models are immutable, so the answer for the same model stays right.
 */
const normalizedModels = new WeakMap<MetaData, { dialect: Dialect; server: string | undefined; model: MetaData }>();

function normalized(dialect: Dialect, model: MetaData, server: string | undefined): MetaData {
  const known = normalizedModels.get(model);
  if (known && known.dialect === dialect && known.server === server) return known.model;
  const result = dialect.normalizeModel(model, server);
  normalizedModels.set(model, { dialect, server, model: result });
  return result;
}

/**
 * Compares two models without a database: `databaseModel` is what the
 * database has, `targetModel` (default: the context's metadata) what it
 * should have. Runs the schema-level comparators (which run the table- and
 * column-level ones), then puts the ops in dependency order.
 */
export async function compareModels(ctx: AutogenContext, databaseModel: MetaData, targetModel: MetaData = ctx.mergedMetadata()): Promise<UpgradeOps> {
  // Both sides as the database stores them, so spellings it does not keep are no change.
  const server = databaseModel.info.serverVersion as string | undefined;
  databaseModel = normalized(ctx.dialect, databaseModel, server);
  targetModel = normalized(ctx.dialect, targetModel, server);
  ctx.databaseMetadata = databaseModel;
  ctx.targetMetadata = targetModel;
  ctx.tableRenames = tableRenames(databaseModel, targetModel);
  const upgradeOps = new UpgradeOps([], { upgradeToken: ctx.opts.upgradeToken });
  await ctx.comparators.run("schema", ctx.dialect.name, ctx, upgradeOps, schemasToCompare(ctx));
  const wrapped = wrapDependentViews(upgradeOps.ops, databaseModel, targetModel, !ctx.dialect.capabilities.alterColumn);
  upgradeOps.ops = orderOps(wrapped, databaseModel, targetModel);
  return upgradeOps;
}

/**
 * Which schemas besides the default one take part: `includeSchemas` when
 * set, else the schemas the target model names — a `.schema` that declares
 * `table audit.event` wants `audit` compared (the reference needs
 * include_schemas for that; strata's model says so itself).
 */
export function includedSchemas(opts: AutogenOptions, target: MetaData): boolean | readonly string[] {
  return opts.includeSchemas ?? target.schemas.filter((s): s is string => s !== undefined).sort(compareNames);
}

/** The default schema (undefined) always; others as includedSchemas says (true: every schema either model names), each passing includeName. */
function schemasToCompare(ctx: AutogenContext): Array<string | undefined> {
  const option = includedSchemas(ctx.opts, ctx.targetMetadata);
  const named = new Set<string>();
  if (option === true) {
    for (const m of [ctx.databaseMetadata, ctx.targetMetadata]) for (const s of m.schemas) if (s !== undefined) named.add(s);
  } else if (option !== false) {
    for (const s of option) named.add(s);
  }
  const schemas = [...named].sort(compareNames).filter((s) => ctx.runNameFilters(s, "schema", {}));
  return [undefined, ...schemas];
}

/** Reflects the database of the context's connection, as comparing it with `target` needs it. */
export async function reflectDatabase(context: MigrationContext, target: MetaData): Promise<MetaData> {
  if (!context.connection) throw new NoConnectionError("comparing with a database needs a connection; compareModels compares two models offline");
  const { includeName, versionTable } = context.opts;
  return context.dialect.reflect(context.connection, { includeSchemas: includedSchemas(context.opts, target), includeName, versionTable });
}

/**
 * What the database holds that the model cannot (an aggregate, a C function,
 * a disabled trigger, ...), as reflection named it: such an object is not
 * compared, so never dropped, and the user hears of it.
 */
function unheld(database: MetaData): string[] {
  const warnings = database.info.reflectionWarnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === "string") : [];
}

/**
 * The schemas a comparison leaves out, named: those the database has outside
 * the scope (reflection lists them), and those the target model names but
 * includeSchemas does not.
 */
function scopeWarnings(context: MigrationContext, database: MetaData, target: MetaData): string[] {
  const skipped = database.info.skippedSchemas;
  const warnings = Array.isArray(skipped) ? skipped.filter((w): w is string => typeof w === "string") : [];
  const scope = includedSchemas(context.opts, target);
  if (scope === true || !context.dialect.capabilities.schemas) return warnings;
  const listed = new Set(scope === false ? [] : scope);
  for (const schema of target.schemas) {
    if (schema !== undefined && schema !== context.dialect.defaultSchema && !listed.has(schema)) {
      warnings.push(`schema "${schema}" of the schema file is outside includeSchemas: its objects were not compared`);
    }
  }
  return warnings;
}

async function produceUpgradeOps(context: MigrationContext, metadata: MetaData | readonly MetaData[]): Promise<UpgradeOps> {
  const ctx = new AutogenContext(context, metadata);
  const target = ctx.mergedMetadata();
  const database = await reflectDatabase(context, target);
  context.warnings.push(...scopeWarnings(context, database, target), ...unheld(database));
  const dialect = context.dialect;
  if (dialect.storedViewDefinitions) {
    const views = viewsToAskAbout(database, target);
    if (views.length) ctx.storedViewDefinitions = await dialect.storedViewDefinitions(context.connection!, views);
  }
  if (dialect.storedRoutines) {
    const routines = routinesToAskAbout(dialect, database, target);
    if (routines.length) ctx.storedRoutines = await dialect.storedRoutines(context.connection!, routines);
  }
  if (dialect.storedPolicies) {
    const policies = policiesToAskAbout(database, target);
    if (policies.length) ctx.storedPolicies = await dialect.storedPolicies(context.connection!, policies);
  }
  if (dialect.storedDefaults) {
    const server = database.info.serverVersion as string | undefined;
    const columns = defaultsToAskAbout(normalized(dialect, database, server), normalized(dialect, target, server));
    if (columns.length) ctx.storedDefaults = await dialect.storedDefaults(context.connection!, columns);
  }
  return compareModels(ctx, database, target);
}

/** The reference's compare_metadata: the database against `metadata`, as diff tuples. */
export async function compareMetadata(context: MigrationContext, metadata: MetaData | readonly MetaData[]): Promise<DiffEntry[]> {
  return (await produceUpgradeOps(context, metadata)).asDiffs();
}

/** The reference's produce_migrations: a MigrationScript whose downgrade is the upgrade reversed. */
export async function produceMigrations(
  context: MigrationContext,
  metadata: MetaData | readonly MetaData[],
  options: { revId?: string } = {},
): Promise<MigrationScript> {
  const upgradeOps = await produceUpgradeOps(context, metadata);
  return scriptFor(upgradeOps, context, options.revId ?? newRevisionId());
}

/** A MigrationScript for already-compared ops (used by produceMigrations and by tools that call compareModels). */
export function scriptFor(upgradeOps: UpgradeOps, context: MigrationContext, revId: string): MigrationScript {
  const downgradeOps = upgradeOps.reverseInto(new DowngradeOps([], { downgradeToken: context.opts.downgradeToken }));
  return new MigrationScript(revId, upgradeOps, downgradeOps);
}
