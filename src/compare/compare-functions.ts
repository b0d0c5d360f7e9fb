import type { Dialect } from "../dialects/dialect.js";
import type { MetaData, Routine } from "../model/index.js";
import { CreateFunctionOp, DropFunctionOp, ReplaceFunctionOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";
import { argumentsText, routineText, sameRoutine } from "./routine-equality.js";

/**
 * Functions and procedures where the dialect has them. On PostgreSQL a
 * routine is its name and identity arguments (overloads are different
 * routines); elsewhere its name. The model's routine is compared as the
 * server would store it when the dialect could say (Dialect.storedRoutines),
 * so `int` against `integer` is no change. A new definition replaces the old
 * in place when the signature (kind, arguments, result) is the same, else the
 * old routine is dropped and the new one created.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "functions" })(compareFunctions);
}

function compareFunctions(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.functions) return;
  const matchKey = (r: Routine) => (ctx.dialect.capabilities.routineOverloading ? r.key : r.nameKey);
  const asStored = (r: Routine) => ctx.storedRoutines.get(r.key) ?? r;
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const database = [...ctx.databaseMetadata.routines.values()];
    const byMatch = new Map(database.map((r) => [matchKey(r), r]));
    const targetByMatch = new Map([...ctx.targetMetadata.routines.values()].map((r) => [matchKey(asStored(r)), r]));
    const conn = included(ctx, inSchema(database, schema), "function", true, parent, (r) => targetByMatch.get(matchKey(r)));
    const connByMatch = new Map(conn.map((r) => [matchKey(r), r]));
    const meta = included(ctx, inSchema(ctx.targetMetadata.routines.values(), schema), "function", false, parent, (r) => byMatch.get(matchKey(asStored(r))));
    const matched = new Set<Routine>();
    for (const m of meta) {
      const stored = asStored(m);
      const c = connByMatch.get(matchKey(stored));
      if (!c) {
        upgradeOps.ops.push(new CreateFunctionOp(m));
        continue;
      }
      matched.add(c);
      if (sameRoutine(ctx.dialect, c, stored)) continue;
      if (sameSignature(c, stored)) upgradeOps.ops.push(new ReplaceFunctionOp(m, c));
      else upgradeOps.ops.push(drop(c), new CreateFunctionOp(m));
    }
    for (const c of conn) if (!matched.has(c)) upgradeOps.ops.push(drop(c));
  }
}

function drop(routine: Routine): DropFunctionOp {
  return DropFunctionOp.of(routine);
}

/** What CREATE OR REPLACE cannot change: the kind, the arguments (names and defaults too) and the result type. */
function sameSignature(a: Routine, b: Routine): boolean {
  return a.kind === b.kind && argumentsText(a.arguments) === argumentsText(b.arguments) && routineText(a.returns ?? "") === routineText(b.returns ?? "");
}

/**
 * The target's routines whose name the database has but no equal of as
 * written (a routine of a new name is simply created): the
 * ones worth asking the database how it would store them (`int` is
 * `integer` there), so asking costs nothing when every routine already
 * compares equal.
 */
export function routinesToAskAbout(dialect: Dialect, database: MetaData, target: MetaData): Routine[] {
  const matchKey = (r: Routine) => (dialect.capabilities.routineOverloading ? r.key : r.nameKey);
  const byMatch = new Map([...database.routines.values()].map((r) => [matchKey(r), r]));
  const names = new Set([...database.routines.values()].map((r) => r.nameKey));
  return [...target.routines.values()].filter((r) => {
    const existing = byMatch.get(matchKey(r));
    return names.has(r.nameKey) && (!existing || !sameRoutine(dialect, existing, r));
  });
}
