import { TABLE_OPTION_NAMES, type Table, type TableOptionName, type TableOptions } from "../model/index.js";
import { AlterTableOptionsOp, type ModifyTableOps, type TableOptionValues } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { normalizeSql } from "./normalize-sql.js";

export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "tableOptions" })(compareTableOptions);
}

/**
 * Options the dialect keeps (its `tableOptions` capability) that differ: one
 * op setting all of them. An option left out is the database's default,
 * which reflection names in `info.tableOptionDefaults` (MySQL's engine,
 * character set and collation), so naming the default is no change. A
 * character set and a collation are set together (MySQL converts the
 * columns for both at once). AUTO_INCREMENT is where a new table starts
 * counting; every insert moves it, so it is not compared. A partition's
 * key and bound are compared as SQL (normalizeSql); its parent and bound
 * are set together (a partition is detached and attached again).
 */
function compareTableOptions(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable) return;
  const kept = new Set<TableOptionName>(ctx.dialect.capabilities.tableOptions);
  const defaults = (ctx.databaseMetadata.info.tableOptionDefaults ?? {}) as TableOptions;
  const [conn, meta] = [effective(connTable.options, defaults), effective(metaTable.options, defaults)];
  const spelling = (name: TableOptionName, value: unknown) =>
    SQL_OPTIONS.has(name) && value !== undefined ? normalizeSql(String(value)) : String(value ?? "").toLowerCase();
  const differs = (name: TableOptionName) => spelling(name, conn[name]) !== spelling(name, meta[name]);
  const changed = TABLE_OPTION_NAMES.filter((name) => kept.has(name) && name !== "autoIncrement" && differs(name));
  if (changed.length === 0) return;
  const together = TOGETHER.filter((group) => group.some((name) => changed.includes(name)));
  const names = TABLE_OPTION_NAMES.filter((name) => changed.includes(name) || together.some((group) => group.includes(name)));
  const options: Record<string, unknown> = {};
  const existing: Record<string, unknown> = {};
  for (const name of names) {
    options[name] = metaTable.options[name] ?? null;
    existing[name] = connTable.options[name] ?? null;
  }
  modifyOps.ops.push(
    new AlterTableOptionsOp(tableName, options as TableOptionValues, { schema, existing: existing as TableOptionValues }),
  );
}

/** Options that are SQL text, compared as normalizeSql spells them. */
const SQL_OPTIONS: ReadonlySet<TableOptionName> = new Set(["partitionBy", "partitionBound"]);

/** Options set together when one of them changes: a partition is detached from its parent and attached with its bound. */
const TOGETHER: ReadonlyArray<readonly TableOptionName[]> = [
  ["charset", "collation"],
  ["partitionOf", "partitionBound"],
];

/** The options a table ends up with: the defaults filled in; a collation left out follows the character set when it is the default one. */
function effective(options: TableOptions, defaults: TableOptions): TableOptions {
  const charset = options.charset ?? defaults.charset;
  const collation = options.collation ?? (charset === defaults.charset ? defaults.collation : undefined);
  return { ...defaults, ...options, charset, collation };
}
