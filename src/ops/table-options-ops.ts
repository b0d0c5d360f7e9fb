import { TABLE_OPTION_NAMES, type TableOptionName, type TableOptions } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, MigrateOperation } from "./migrate-operation.js";

/** Option values as a migration writes them: `null` is the database's default (the option left out). */
export type TableOptionValues = { readonly [K in TableOptionName]?: TableOptions[K] | null };

/**
 * Changes storage options of a table (`STRICT`, `UNLOGGED`, `ENGINE`, ...):
 * `options` holds the new value of each changed option, `existing` the
 * value before, which is what the reverse restores.
 */
export class AlterTableOptionsOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly options: TableOptionValues;
  declare readonly existing: TableOptionValues;
  declare readonly schema?: string;
  constructor(tableName: string, options: TableOptionValues, opts: { schema?: string; existing?: TableOptionValues } = {}) {
    super();
    initOp(this, AlterTableOptionsOp, new.target, {
      tableName,
      options: Object.freeze({ ...options }),
      existing: Object.freeze({ ...opts.existing }),
      schema: opts.schema,
    });
  }
  /** The options it sets, by name, in the order migrations write them, `null` where it resets one. */
  get changed(): TableOptionName[] {
    return TABLE_OPTION_NAMES.filter((name) => name in this.options);
  }
  /** `table.options` after this op. */
  applyTo(options: TableOptions): TableOptions {
    const out: Record<string, unknown> = { ...options };
    for (const name of this.changed) out[name] = this.options[name] ?? undefined;
    return out as TableOptions;
  }
  reverse(): AlterTableOptionsOp {
    const before = Object.fromEntries(this.changed.map((name) => [name, this.existing[name] ?? null]));
    return new AlterTableOptionsOp(this.tableName, before, { schema: this.schema, existing: this.options });
  }
  toDiffTuple(): DiffTuple {
    return ["modify_table_options", this.schema, this.tableName, this.existing, this.options];
  }
}
