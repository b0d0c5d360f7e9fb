import {
  CheckConstraint,
  ForeignKeyConstraint,
  UniqueConstraint,
  type MetaData,
  type Table,
} from "../model/index.js";
import type { AutogenContext } from "./autogen-context.js";

type Named = ForeignKeyConstraint | UniqueConstraint | CheckConstraint;

/**
 * A constraint about to be added to an existing table, with a name: its own,
 * else `reuse` (the name of the one it replaces), else the name the database
 * would give it (Dialect.nameConstraint). So the migration carries the name
 * the database ends up using, and its downgrade drops it by that name; the
 * model stays unnamed and matches it by shape.
 *
 * Why name it here rather than look it up at run time: the name is then in
 * the reviewed file, works offline (`--sql`), and MySQL can check a whole
 * migration before its first statement.
 */
export function nameNewConstraint<C extends Named>(ctx: AutogenContext, table: Table, constraint: C, reuse?: string): C {
  if (constraint.name !== undefined) return constraint;
  const taken = takenNames(ctx, table.schema);
  const name = reuse ?? ctx.dialect.nameConstraint(table, constraint, taken);
  taken.add(name);
  return withName(constraint, name) as C;
}

/** Names of constraints this migration drops from `table` before adding any: free for the new ones, as they would be to the database. */
export function releaseConstraintNames(ctx: AutogenContext, table: Table, dropped: ReadonlyArray<{ readonly name?: string }>): void {
  const taken = takenNames(ctx, table.schema);
  for (const { name } of dropped) if (name !== undefined) taken.delete(name);
}

function withName(constraint: Named, name: string): Named {
  switch (constraint.kind) {
    case "foreignKey":
      return new ForeignKeyConstraint({ ...constraint, name, info: constraint.info });
    case "unique":
      return new UniqueConstraint({ ...constraint, name, info: constraint.info });
    case "check":
      return new CheckConstraint({ expression: constraint.expression, name, notValid: constraint.notValid, info: constraint.info });
  }
}

/** Constraint and index names in a schema, of both models (a database checks new names against the whole namespace). */
function takenNames(ctx: AutogenContext, schema: string | undefined): Set<string> {
  const key = schema ?? "";
  let names = ctx.constraintNamesInUse.get(key);
  if (!names) {
    names = new Set();
    for (const model of [ctx.databaseMetadata, ctx.targetMetadata]) collect(model, schema, names);
    ctx.constraintNamesInUse.set(key, names);
  }
  return names;
}

function collect(model: MetaData, schema: string | undefined, into: Set<string>): void {
  for (const table of model.tables.values()) {
    if (table.schema !== schema) continue;
    const items = [table.primaryKey, ...table.foreignKeys, ...table.uniqueConstraints, ...table.checkConstraints, ...table.indexes];
    for (const item of items) if (item?.name !== undefined) into.add(item.name);
  }
}
