import { TABLE_OPTION_NAMES, type Table, type TableOptionName, type TableOptions } from "../model/index.js";
import { AlterTableOptionsOp, type ModifyTableOps, type TableOptionValues } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";

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
 * counting; every insert moves it, so it is not compared.
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
  const differs = (name: TableOptionName) => String(conn[name] ?? "").toLowerCase() !== String(meta[name] ?? "").toLowerCase();
  const changed = TABLE_OPTION_NAMES.filter((name) => kept.has(name) && name !== "autoIncrement" && differs(name));
  if (changed.length === 0) return;
  const names = changed.includes("charset") || changed.includes("collation")
    ? TABLE_OPTION_NAMES.filter((name) => changed.includes(name) || name === "charset" || name === "collation")
    : changed;
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

/** The options a table ends up with: the defaults filled in; a collation left out follows the character set when it is the default one. */
function effective(options: TableOptions, defaults: TableOptions): TableOptions {
  const charset = options.charset ?? defaults.charset;
  const collation = options.collation ?? (charset === defaults.charset ? defaults.collation : undefined);
  return { ...defaults, ...options, charset, collation };
}
