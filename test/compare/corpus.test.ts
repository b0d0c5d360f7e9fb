import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AutogenContext, compareMetadata, compareModels, MigrationContext } from "../../src/compare/index.js";
import { dialectNamed } from "../../src/dialects/registry.js";
import { printSchema } from "../../src/format/index.js";
import { MetaData, tableKey } from "../../src/model/index.js";
import {
  CreateForeignKeyOp,
  CreateTableOp,
  DropConstraintOp,
  DropTableOp,
  ModifyTableOps,
  type MigrateOperation,
  type OpContainer,
} from "../../src/ops/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { schema, summary } from "./support.js";
import { CORPUS } from "../support/corpus.js";


/**
 * Plays ops against a set of tables and their foreign keys, failing where a
 * database would: creating a table whose referenced table does not exist yet,
 * or dropping a table something still references. (Plain errors, not
 * assertions, so that `assert.throws` can expect them.)
 */
function playForeignKeyOrder(ops: OpContainer): void {
  const fks = new Map<string, Map<string, string>>(); // table → fk name → target
  const add = (table: string, name: string, target: string) => {
    if (target !== table && !fks.has(target)) throw new Error(`${table} references ${target} before it exists`);
    fks.get(table)!.set(name, target);
  };
  const walk = (list: readonly MigrateOperation[], table?: string) => {
    for (const op of list) {
      if (op instanceof ModifyTableOps) walk(op.ops, tableKey({ schema: op.schema, name: op.tableName }));
      else if (op instanceof CreateTableOp) {
        fks.set(op.table.key, new Map());
        op.table.foreignKeys.forEach((fk, i) => add(op.table.key, fk.name ?? `#${i}`, tableKey(fk.target)));
      } else if (op instanceof CreateForeignKeyOp) add(table!, op.constraint.name ?? "?", tableKey(op.constraint.target));
      else if (op instanceof DropConstraintOp && op.type === "foreignkey") fks.get(table!)!.delete(op.constraintName ?? "?");
      else if (op instanceof DropTableOp) {
        const key = tableKey({ schema: op.schema, name: op.tableName });
        fks.delete(key);
        for (const [other, targets] of fks) {
          if ([...targets.values()].includes(key)) throw new Error(`${key} dropped while ${other} references it`);
        }
      }
    }
  };
  walk(ops.ops);
}

for (const dialect of availableDialects()) {
  for (const file of readdirSync(`${CORPUS}/${dialect}`).filter((f) => f.endsWith(".sql")).sort()) {
    test(`${dialect} ${file}: reflect → .schema → compile compares equal to the database`, async () => {
      await withTestDatabase(dialect, async (db) => {
        await db.run(readFileSync(`${CORPUS}/${dialect}/${file}`, "utf8"));
        const connection = await dialectNamed(dialect)!.connect(db.url);
        try {
          const reflected = await dialectNamed(dialect)!.reflect(connection);
          const compiled = schema(printSchema(reflected), dialect);
          assert.equal((await compareMetadata(MigrationContext.configure({ connection }), compiled)).map(summary), []);

          // Creating the whole schema from nothing, and dropping it again, in an order the database accepts.
          const ctx = new AutogenContext(MigrationContext.configure({ dialect }), compiled);
          const up = await compareModels(ctx, new MetaData({ database: compiled.database }), compiled);
          assert.is(up.ops.filter((op) => op instanceof CreateTableOp).length, compiled.tables.size);
          playForeignKeyOrder(up);
          playForeignKeyOrder({ ops: [...up.ops, ...up.reverse().ops] } as OpContainer);
          // The player notices a wrong order: the creates backwards fail wherever there are foreign keys.
          const hasForeignKeys = [...compiled.tables.values()].some((t) => t.foreignKeys.some((fk) => tableKey(fk.target) !== t.key));
          if (hasForeignKeys) assert.throws(() => playForeignKeyOrder({ ops: [...up.ops].reverse() } as OpContainer), /before it exists/);
        } finally {
          await connection.close();
        }
      });
    });
  }
}

test.run();
