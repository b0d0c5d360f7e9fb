import { suite } from "uvu";
import * as assert from "uvu/assert";
import { comparators } from "../../src/compare/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: the reference's custom op example as a user plugin");

/**
 * The reference's CreateSequenceOp/DropSequenceOp, written as a user would in
 * strata.config.ts: op classes, `op.*` methods, an implementation, renderers
 * and a schema-level comparator that reads pg_class. (Everything registers
 * with `replace` because plugins run on every config load.)
 */
const CONFIG = `
import { comparators, defineConfig, MigrateOperation, Operations, renderers } from "strata";

export class CreateSequenceOp extends MigrateOperation {
  constructor(readonly sequenceName: string, readonly schema?: string) { super(); }
  reverse() { return new DropSequenceOp(this.sequenceName, this.schema); }
  toDiffTuple() { return ["create_sequence", this.sequenceName]; }
}

export class DropSequenceOp extends MigrateOperation {
  constructor(readonly sequenceName: string, readonly schema?: string) { super(); }
  reverse() { return new CreateSequenceOp(this.sequenceName, this.schema); }
  toDiffTuple() { return ["drop_sequence", this.sequenceName]; }
  override dataLoss() { return "drops sequence " + this.sequenceName + " and its current value"; }
}

const wanted = new Set(["order_number_seq"]);

async function compareSequences(autogenContext, upgradeOps, schemas) {
  const existing = new Set();
  for (const sch of schemas) {
    const rows = await autogenContext.connection.query(
      "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE relkind = 'S' AND n.nspname = $1",
      [sch ?? autogenContext.dialect.defaultSchema],
    );
    for (const row of rows) existing.add(row.relname);
  }
  for (const name of [...wanted].filter((n) => !existing.has(n))) upgradeOps.ops.push(new CreateSequenceOp(name));
  for (const name of [...existing].filter((n) => !wanted.has(n))) upgradeOps.ops.push(new DropSequenceOp(name));
}

export default defineConfig({
  plugins: [
    () => {
      Operations.registerOperation("createUserSequence", CreateSequenceOp, { replace: true });
      Operations.registerOperation("dropUserSequence", DropSequenceOp, { replace: true });
      Operations.implementationFor(CreateSequenceOp, { replace: true })((operations, op) =>
        operations.execute("CREATE SEQUENCE " + op.sequenceName));
      Operations.implementationFor(DropSequenceOp, { replace: true })((operations, op) =>
        operations.execute("DROP SEQUENCE " + op.sequenceName));
      renderers.dispatchFor(CreateSequenceOp, { replace: true })((_ctx, op) => "op.createUserSequence(" + JSON.stringify(op.sequenceName) + ")");
      renderers.dispatchFor(DropSequenceOp, { replace: true })((_ctx, op) => "op.dropUserSequence(" + JSON.stringify(op.sequenceName) + ")");
      comparators.dispatchFor("schema", { name: "sequences", qualifier: "postgresql", replace: true })(compareSequences);
    },
  ],
});
`;

for (const dialect of availableDialects(["postgresql"])) {
  test(`${dialect}: compared, rendered, applied and reverted end to end`, async () => {
    await withTestDatabase(dialect, async (db) => {
      const p = project({
        "strata.config.ts": CONFIG,
        "schemas/app.schema": schemaFile(dialect, db.url, "table orders {\n  id integer @id\n}"),
      });
      const sequences = async () =>
        (await db.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relkind = 'S' ORDER BY relname")).map(
          (r) => r.relname,
        );
      try {
        await p.ok(["revision", "--autogenerate", "-m", "order numbers", "--rev-id", "seq001"]);
        const file = p.read("migrations/seq001_order_numbers.ts");
        assert.match(file, '  await op.createUserSequence("order_number_seq");\n');
        assert.match(file, '  await op.dropUserSequence("order_number_seq");\n');
        await p.ok(["upgrade", "head"]);
        assert.equal(await sequences(), ["order_number_seq"]);
        assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
        const down = await p.ok(["downgrade", "base"]);
        assert.match(down.err, "loses data: drops sequence order_number_seq and its current value");
        assert.equal(await sequences(), []);
      } finally {
        p.done();
        // The plugin registered into the shared registry; later suites in this process must not see it.
        comparators.remove("schema", "sequences", "postgresql");
      }
    });
  });
}

test.run();
