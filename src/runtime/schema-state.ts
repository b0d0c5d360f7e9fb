/**
 * The schema a run of ops leaves, followed on the model op by op: tables
 * (through applyToTable), enums and views. MySQL's pre-validation starts it
 * from the reflected tables; `--sql` starts it empty at base and replays
 * every migration below the script's start, so a SQLite rebuild or a
 * PostgreSQL enum value drop can be written from the migrations' own state,
 * without a database. It stops following (`lost`) at an op it cannot apply:
 * raw SQL, a plugin op, a table it does not know.
 */
import { applyToTable } from "../dialects/ddl/apply-to-table.js";
import type { DdlContext } from "../dialects/ddl-compiler.js";
import type { Dialect } from "../dialects/dialect.js";
import { Enum, MetaData, tableKey, type Table, type View } from "../model/index.js";
import {
  AddEnumValueOp,
  AlterPolicyOp,
  AlterSequenceOp,
  BatchAlterTableOp,
  CreateEnumOp,
  CreateFunctionOp,
  CreatePolicyOp,
  CreateSequenceOp,
  CreateTableOp,
  CreateTriggerOp,
  CreateViewOp,
  DropEnumOp,
  DropFunctionOp,
  DropEnumValueOp,
  DropPolicyOp,
  DropSequenceOp,
  DropTableOp,
  DropTriggerOp,
  DropViewOp,
  ModifyTableOps,
  RenameTableOp,
  ReplaceFunctionOp,
  ReplaceTriggerOp,
  ReplaceViewOp,
  type MigrateOperation,
} from "../ops/index.js";

/** Ops of objects that leave every table as it is. */
const TABLE_NEUTRAL_OPS = [
  CreateFunctionOp,
  DropFunctionOp,
  ReplaceFunctionOp,
  CreateTriggerOp,
  DropTriggerOp,
  ReplaceTriggerOp,
  CreatePolicyOp,
  DropPolicyOp,
  AlterPolicyOp,
];

export class SchemaState {
  readonly #dialect: Dialect;
  readonly #tables: Map<string, Table>;
  readonly #enums = new Map<string, Enum>();
  readonly #views = new Map<string, View>();
  #lost = false;

  constructor(dialect: Dialect, tables: Iterable<Table> = []) {
    this.#dialect = dialect;
    this.#tables = new Map([...tables].map((t) => [this.#key(t.schema, t.name), t]));
  }

  /** True once an op could not be followed: nothing the state says can be trusted after it. */
  get lost(): boolean {
    return this.#lost;
  }

  table(schema: string | undefined, name: string): Table | undefined {
    return this.#lost ? undefined : this.#tables.get(this.#key(schema, name));
  }

  /** What a DDL compiler may ask of this state: its tables, and the whole model (for what no op carries). */
  context(options: { inlineValues?: boolean } = {}): DdlContext {
    const state = this;
    return {
      dialect: this.#dialect,
      inlineValues: options.inlineValues,
      currentTable: async (schema, name) => state.table(schema, name),
      get metadata() {
        return state.#lost ? undefined : state.#metadata();
      },
    };
  }

  /** Follows `op`; returns false (and stays lost) when it cannot. */
  apply(op: MigrateOperation): boolean {
    if (!this.#lost && !this.#follow(op)) this.#lost = true;
    return !this.#lost;
  }

  #follow(op: MigrateOperation): boolean {
    try {
      if (op instanceof CreateTableOp) this.#tables.set(this.#key(op.table.schema, op.table.name), op.table);
      else if (op instanceof DropTableOp) this.#tables.delete(this.#key(op.schema, op.tableName));
      else if (op instanceof RenameTableOp) {
        const table = this.#tables.get(this.#key(op.schema, op.oldTableName));
        if (!table) return false;
        this.#tables.delete(this.#key(op.schema, op.oldTableName));
        this.#tables.set(this.#key(op.schema, op.newTableName), table.with({ name: op.newTableName }));
      } else if (op instanceof ModifyTableOps || op instanceof BatchAlterTableOp) {
        return op.ops.every((inner) => this.#follow(inner));
      } else if (op instanceof CreateEnumOp) this.#enums.set(this.#key(op.enum.schema, op.enum.name), op.enum);
      else if (op instanceof DropEnumOp) this.#enums.delete(this.#key(op.schema, op.enumName));
      else if (op instanceof AddEnumValueOp || op instanceof DropEnumValueOp) return this.#changeValues(op);
      else if (op instanceof CreateViewOp || op instanceof ReplaceViewOp) this.#views.set(this.#key(op.view.schema, op.view.name), op.view);
      else if (op instanceof DropViewOp) this.#views.delete(this.#key(op.schema, op.viewName));
      else if (op instanceof CreateSequenceOp || op instanceof DropSequenceOp || op instanceof AlterSequenceOp) return true;
      else if (TABLE_NEUTRAL_OPS.some((cls) => op instanceof cls)) return true;
      else {
        const { schema, tableName } = op as MigrateOperation & { schema?: string; tableName?: string };
        if (tableName === undefined) return false;
        const table = this.#tables.get(this.#key(schema, tableName));
        if (!table) return false;
        this.#tables.set(this.#key(schema, tableName), applyToTable(table, op));
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Named enums (PostgreSQL) change their list; MySQL's live on columns, which the model does not follow here. */
  #changeValues(op: AddEnumValueOp | DropEnumValueOp): boolean {
    const key = this.#key(op.schema, op.enumName);
    const current = this.#enums.get(key);
    if (!current || !this.#dialect.capabilities.namedEnums) return false;
    let values = current.values.filter((v) => v !== op.value);
    if (op instanceof AddEnumValueOp) {
      const at = op.before !== undefined ? values.indexOf(op.before) : op.after !== undefined ? values.indexOf(op.after) + 1 : values.length;
      values = [...values.slice(0, at), op.value, ...values.slice(at)];
    }
    this.#enums.set(key, new Enum({ name: current.name, schema: current.schema, values }));
    return true;
  }

  #metadata(): MetaData {
    return new MetaData({
      database: { dialect: this.#dialect.name },
      tables: this.#tables.values(),
      enums: this.#enums.values(),
      views: this.#views.values(),
    });
  }

  #key(schema: string | undefined, name: string): string {
    return tableKey({ name, ...(schema !== undefined && schema !== this.#dialect.defaultSchema ? { schema } : {}) });
  }
}
