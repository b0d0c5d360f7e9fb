import {
  CheckConstraint,
  ForeignKeyConstraint,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type ReferentialAction,
  withUnspecifiedAction,
} from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema } from "./postgresql-catalog-scope.js";
import { tidySql } from "./postgresql-sql-text.js";

export interface ConstraintRow {
  readonly table_oid: number;
  readonly name: string;
  /** `p` primary key, `u` unique, `f` foreign key, `c` check, `x` exclusion. */
  readonly type: string;
  readonly columns: string[];
  readonly target_schema: string | null;
  readonly target_name: string | null;
  readonly target_columns: string[];
  readonly on_update: string;
  readonly on_delete: string;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly expression: string | null;
  readonly nulls_not_distinct: boolean | null;
  /** `f` MATCH FULL, `s` MATCH SIMPLE (the default). */
  readonly match: string;
  readonly validated: boolean;
}

export interface TableConstraints {
  primaryKey?: PrimaryKeyConstraint;
  readonly foreignKeys: ForeignKeyConstraint[];
  readonly uniqueConstraints: UniqueConstraint[];
  readonly checkConstraints: CheckConstraint[];
  /** Constraints the model cannot hold (exclusion constraints), by name. */
  readonly unsupported: string[];
}

// NOT NULL constraints (contype `n`, PostgreSQL 18) are column nullability,
// not checks. Constraints PostgreSQL clones from another (conparentid: a
// partition's copy of its parent's keys, a foreign key's copy for each
// partition of the table it references) and checks a table only inherits
// (not conislocal) belong to the constraint they come from.
// Each key column's name is one index probe on (attrelid, attnum): a join
// would read every column of the table once per constraint.
const CONSTRAINTS_SQL = `
select con.conrelid as table_oid, con.conname as name, con.contype as type,
       array(select (select a.attname::text from pg_catalog.pg_attribute a where a.attrelid = con.conrelid and a.attnum = k.num)
             from unnest(con.conkey) with ordinality k(num, pos) order by k.pos) as columns,
       fn.nspname as target_schema, fc.relname as target_name,
       array(select (select a.attname::text from pg_catalog.pg_attribute a where a.attrelid = con.confrelid and a.attnum = k.num)
             from unnest(con.confkey) with ordinality k(num, pos) order by k.pos) as target_columns,
       con.confupdtype as on_update, con.confdeltype as on_delete,
       con.condeferrable as deferrable, con.condeferred as deferred,
       case when con.contype = 'c' then pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) end as expression,
       ci.indnullsnotdistinct as nulls_not_distinct, con.confmatchtype as match, con.convalidated as validated
from pg_catalog.pg_constraint con
left join pg_catalog.pg_index ci on con.contype = 'u' and ci.indexrelid = con.conindid
left join pg_catalog.pg_class fc on fc.oid = con.confrelid
left join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace
where con.conrelid = any($1::oid[]) and con.contype in ('p', 'u', 'f', 'c', 'x')
  and con.conparentid = 0 and con.conislocal
order by con.conrelid, con.conname`;

const ACTIONS: Record<string, ReferentialAction> = {
  a: "noAction",
  r: "restrict",
  c: "cascade",
  n: "setNull",
  d: "setDefault",
};

/** Constraint rows of the given tables, per table oid, in name order. */
export async function readConstraints(
  connection: DatabaseConnection,
  tableOids: readonly number[],
): Promise<Map<number, ConstraintRow[]>> {
  const rows = await connection.query<ConstraintRow>(CONSTRAINTS_SQL, [tableOids]);
  const byTable = new Map<number, ConstraintRow[]>();
  for (const row of rows) {
    const list = byTable.get(row.table_oid) ?? [];
    list.push(row);
    byTable.set(row.table_oid, list);
  }
  return byTable;
}

/** The model constraints of one table; `keep(name, kind)` is the `includeName` filter. */
export function buildConstraints(
  rows: readonly ConstraintRow[],
  keep: (name: string, kind: "uniqueConstraint" | "foreignKeyConstraint" | "checkConstraint") => boolean,
): TableConstraints {
  const result: TableConstraints = { foreignKeys: [], uniqueConstraints: [], checkConstraints: [], unsupported: [] };
  for (const row of rows) {
    switch (row.type) {
      case "p":
        result.primaryKey = new PrimaryKeyConstraint({
          name: row.name,
          columns: row.columns,
          deferrable: row.deferrable,
          initiallyDeferred: row.deferred,
        });
        break;
      case "u":
        if (keep(row.name, "uniqueConstraint")) {
          result.uniqueConstraints.push(new UniqueConstraint({
              name: row.name,
              columns: row.columns,
              nullsNotDistinct: row.nulls_not_distinct === true,
              deferrable: row.deferrable,
              initiallyDeferred: row.deferred,
            }));
        }
        break;
      case "f":
        if (keep(row.name, "foreignKeyConstraint")) result.foreignKeys.push(foreignKey(row));
        break;
      case "c":
        if (keep(row.name, "checkConstraint")) {
          const expression = tidySql(row.expression ?? "");
          result.checkConstraints.push(new CheckConstraint({ name: row.name, expression, notValid: !row.validated }));
        }
        break;
      case "x":
        result.unsupported.push(`exclusion constraint "${row.name}"`);
        break;
      default:
        throw new Error(`postgresql reflection: unexpected constraint type "${row.type}" on "${row.name}"`);
    }
  }
  return result;
}

function foreignKey(row: ConstraintRow): ForeignKeyConstraint {
  const schema = modelSchema(row.target_schema ?? "");
  // PostgreSQL stores an unspecified action as NO ACTION ('a'): one thing, written as nothing.
  const fk = new ForeignKeyConstraint({
    name: row.name,
    columns: row.columns,
    target: { ...(schema !== undefined ? { schema } : {}), name: row.target_name ?? "" },
    targetColumns: row.target_columns,
    onDelete: action(row.on_delete),
    onUpdate: action(row.on_update),
    deferrable: row.deferrable,
    initiallyDeferred: row.deferred,
    match: row.match === "f" ? "full" : undefined,
    notValid: !row.validated,
  });
  return withUnspecifiedAction(fk, "noAction");
}

function action(code: string): ReferentialAction {
  const found = ACTIONS[code];
  if (!found) throw new Error(`postgresql reflection: unknown referential action code "${code}"`);
  return found;
}
