import { test } from "uvu";
import * as assert from "uvu/assert";
import { AutogenContext, compareMetadata, createComparators, MigrationContext, produceMigrations } from "../../src/compare/index.js";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { MetaData, Sequence } from "../../src/model/index.js";
import { CreateSequenceOp, DropSequenceOp, type UpgradeOps } from "../../src/ops/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";

// The reference's custom schema-level comparator, in TypeScript: the sequences the model wants are kept in
// metadata.info, the database's are read from pg_class, and the difference becomes Create/DropSequenceOp.
type SequenceKey = string; // JSON [schema, name]: Sets compare strings, not tuples

function addSequenceToModel(sequence: Sequence, metadata: MetaData): void {
  const sequences = (metadata.info.sequences ??= new Set<SequenceKey>()) as Set<SequenceKey>;
  sequences.add(JSON.stringify([sequence.schema ?? null, sequence.name]));
}

async function compareSequences(autogenContext: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): Promise<void> {
  const allConnSequences = new Set<SequenceKey>();
  for (const sch of schemas) {
    const rows = await autogenContext.connection!.query<{ relname: string }>(
      "SELECT relname FROM pg_class c join pg_namespace n on n.oid=c.relnamespace where relkind='S' and n.nspname=$1",
      // A schema of undefined in the model is the database's default schema (public).
      [sch === undefined ? autogenContext.dialect.defaultSchema : sch],
    );
    for (const row of rows) allConnSequences.add(JSON.stringify([sch ?? null, row.relname]));
  }
  const metadata = autogenContext.metadata as MetaData;
  const metadataSequences = (metadata.info.sequences ??= new Set<SequenceKey>()) as Set<SequenceKey>;
  for (const key of [...metadataSequences].filter((k) => !allConnSequences.has(k)).sort()) {
    const [sch, name] = JSON.parse(key) as [string | null, string];
    upgradeOps.ops.push(new CreateSequenceOp(new Sequence({ name, schema: sch ?? undefined })));
  }
  for (const key of [...allConnSequences].filter((k) => !metadataSequences.has(k)).sort()) {
    const [sch, name] = JSON.parse(key) as [string | null, string];
    upgradeOps.ops.push(new DropSequenceOp(name, { schema: sch ?? undefined }));
  }
}

function registry() {
  const comparators = createComparators();
  // The built-in sequence comparator reads model.sequences; this example keeps its own list instead.
  comparators.remove("schema", "sequences");
  comparators.dispatchFor("schema")(compareSequences);
  return comparators;
}

for (const dialect of availableDialects(["postgresql"])) {
  test(`${dialect}: the reference's sequence comparator produces create_sequence, and drop_sequence in the downgrade`, async () => {
    await withTestDatabase(dialect, async (db) => {
      await db.run("CREATE SEQUENCE old_sequence");
      const connection = await postgresqlDialect.connect(db.url);
      try {
        const context = MigrationContext.configure({ connection, opts: { comparators: registry() } });
        const metadata = new MetaData({ database: { dialect: "postgresql" } });
        addSequenceToModel(new Sequence({ name: "my_sequence_1" }), metadata);
        addSequenceToModel(new Sequence({ name: "old_sequence" }), metadata);
        const script = await produceMigrations(context, metadata, { revId: "r1" });
        assert.equal(script.upgradeOps.ops, [new CreateSequenceOp(new Sequence({ name: "my_sequence_1" }))]);
        assert.equal(script.downgradeOps.asDiffs(), [["remove_sequence", new Sequence({ name: "my_sequence_1" })]]);

        const empty = new MetaData({ database: { dialect: "postgresql" } });
        assert.equal(await compareMetadata(context, empty), [["remove_sequence", { name: "old_sequence" }]]);
      } finally {
        await connection.close();
      }
    });
  });
}

test.run();
