import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { withTestDatabase } from "../support/databases.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: strata lint, hazards in generated migrations, acknowledgements");

const V1 = `table orders {\n  id integer @id\n  note varchar(20)?\n  @@index([id, note])\n}`;
const V2 = `table orders {\n  id integer @id\n  note varchar(20)\n  @@index([id, note])\n  @@index([note])\n}`;

test("a new table and its index: nothing; a live table with rows: every hazard, in the file, from lint and before upgrade", () =>
  withTestDatabase("sqlite", async (db) => {
    const p = project({ "schemas/app.schema": schemaFile("sqlite", db.url, V1) });
    try {
      const first = await p.ok(["revision", "--autogenerate", "-m", "first", "--rev-id", "aaaaaaaaaaaa"]);
      assert.not.match(first.err, "hazard");
      assert.not.match(p.read(`migrations/${p.migrations()[0]}`), "HAZARD");
      assert.is((await p.ok(["lint"])).out, "1 migration checked: 0 hazards (0 high, 0 medium, 0 low), 0 data losses");
      await p.ok(["upgrade", "head"]);
      await db.run("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000) INSERT INTO orders SELECT n, 'x' FROM s");

      p.write("schemas/app.schema", schemaFile("sqlite", db.url, V2));
      const second = await p.ok(["revision", "--autogenerate", "-m", "second", "--rev-id", "bbbbbbbbbbbb"]);
      assert.match(second.err, "hazard: table-rebuild (high): SQLite cannot ALTER this in place: orders is rebuilt");
      assert.match(second.err, "hazard: index-blocks-writes (high): building the index reads every row of orders");
      const file = "migrations/bbbbbbbbbbbb_second.ts";
      const source = p.read(file);
      assert.match(source, "  // HAZARD table-rebuild (high): SQLite cannot ALTER this in place");
      assert.match(source, "  // HAZARD index-blocks-writes (high): building the index reads every row of orders while the migration holds SQLite's write lock: every other writer waits for the build. Safer: build it when writes can wait");
      const lines = source.split("\n");
      const alterLine = lines.findIndex((l) => l.includes("await op.alterColumn(")) + 1;
      const indexLine = lines.findIndex((l) => l.includes("await op.createIndex(")) + 1;

      const linted = await p.ok(["lint"], 1);
      assert.equal(linted.out.split("\n"), [
        `${file}:${alterLine}: alterColumn on orders (revision bbbbbbbbbbbb)`,
        "  high table-rebuild: SQLite cannot ALTER this in place: orders is rebuilt (every row copied into a new table, indexes and triggers re-created) while the migration holds the write lock, so every other writer waits",
        "    safer: group the table's changes into one migration so it is rebuilt once, and run it when writes can wait",
        "  data-loss: alters column orders.note: makes it NOT NULL without a default: existing NULLs make the change fail",
        `${file}:${indexLine}: createIndex on orders (revision bbbbbbbbbbbb)`,
        "  high index-blocks-writes: building the index reads every row of orders while the migration holds SQLite's write lock: every other writer waits for the build",
        "    safer: build it when writes can wait (SQLite has no online index build); readers go on in WAL mode",
        "1 migration checked: 2 hazards (2 high, 0 medium, 0 low), 1 data loss",
      ]);
      const json = JSON.parse((await p.ok(["lint", "--json"], 1)).out);
      assert.equal(json.map((m: { revision: string }) => m.revision), ["bbbbbbbbbbbb"]);
      assert.equal(json[0].findings.map((f: { line: number; operation: string }) => [f.line, f.operation]), [[alterLine, "alterColumn on orders"], [indexLine, "createIndex on orders"]]);
      assert.equal(json[0].findings[1].hazards[0].code, "index-blocks-writes");

      // Ranges and single revisions, whatever the database has applied.
      assert.match((await p.ok(["lint", "base:head"], 1)).out, "2 migrations checked: 2 hazards");
      assert.match((await p.ok(["lint", "aaaa"])).out, "1 migration checked: 0 hazards");
      assert.match((await p.ok(["lint", "nope"], 2)).err, "nope");

      // Acknowledged: lint shows them and passes; upgrade no longer lists them.
      const acknowledged = source
        .replace("  await op.alterColumn(", "  // strata-allow: table-rebuild, data-loss (orders is written by a nightly job only)\n  await op.alterColumn(")
        .replace("  await op.createIndex(", "  // strata-allow: index-blocks-writes\n  await op.createIndex(");
      // Under a new name: this process has the old file's module loaded (a new process would read the edit).
      rmSync(join(p.cwd, file));
      p.write("migrations/bbbbbbbbbbbb_second_reviewed.ts", acknowledged);
      const passed = await p.ok(["lint"]);
      assert.match(passed.out, "  high table-rebuild (acknowledged): SQLite cannot ALTER");
      assert.match(passed.out, "  data-loss (acknowledged): alters column orders.note");
      assert.match(passed.out, "1 migration checked: 0 hazards (0 high, 0 medium, 0 low), 0 data losses, 3 acknowledged");
      await db.run("UPDATE orders SET note = 'y' WHERE note IS NULL");
      const upgraded = await p.ok(["upgrade", "head"]);
      assert.not.match(upgraded.err, "hazard:");
    } finally {
      p.done();
    }
  }),
);

test("upgrade lists the hazards it is about to run, with file and line", () =>
  withTestDatabase("sqlite", async (db) => {
    const p = project({ "schemas/app.schema": schemaFile("sqlite", db.url, V1) });
    try {
      await p.ok(["revision", "--autogenerate", "-m", "first", "--rev-id", "aaaaaaaaaaaa"]);
      await p.ok(["upgrade", "head"]);
      await db.run("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000) INSERT INTO orders SELECT n, 'x' FROM s");
      p.write("schemas/app.schema", schemaFile("sqlite", db.url, V2));
      await p.ok(["revision", "--autogenerate", "-m", "second", "--rev-id", "bbbbbbbbbbbb"]);
      const lines = readFileSync(join(p.cwd, "migrations/bbbbbbbbbbbb_second.ts"), "utf8").split("\n");
      const indexLine = lines.findIndex((l) => l.includes("await op.createIndex(")) + 1;
      const upgraded = await p.ok(["upgrade", "head"]);
      assert.match(
        upgraded.err,
        `hazard: bbbbbbbbbbbb (migrations/bbbbbbbbbbbb_second.ts:${indexLine}) index-blocks-writes (high): building the index reads every row of orders`,
      );
    } finally {
      p.done();
    }
  }),
);

test("without a database to ask, lint reads every migration, without table sizes", async () => {
  const p = project({ "schemas/app.schema": V1 });
  try {
    p.write(
      "migrations/cccccccccccc_index.ts",
      [
        'import type { Operations } from "strata";',
        'export const revision = "cccccccccccc";',
        "export const downRevision = null;",
        "export async function upgrade(op: Operations): Promise<void> {",
        '  await op.createIndex("ix_note", "orders", ["note"]);',
        "}",
        "export async function downgrade(op: Operations): Promise<void> {}",
        "",
      ].join("\n"),
    );
    const linted = await p.ok(["lint"], 1);
    assert.match(linted.out, "migrations/cccccccccccc_index.ts:5: createIndex on orders (revision cccccccccccc)");
    assert.match(linted.out, "1 migration checked: 1 hazard (1 high, 0 medium, 0 low), 0 data losses");
  } finally {
    p.done();
  }
});

test("a URL from an environment variable that is not set: every migration, for the schema's dialect", async () => {
  const p = project({ "schemas/app.schema": 'database {\n  dialect = "postgresql"\n  url = env("STRATA_LINT_TEST_UNSET_URL")\n}\n\n' + V1 });
  try {
    p.write(
      "migrations/cccccccccccc_check.ts",
      [
        'import type { Operations } from "strata";',
        'export const revision = "cccccccccccc";',
        "export const downRevision = null;",
        "export async function upgrade(op: Operations): Promise<void> {",
        '  await op.createCheckConstraint("note_set", "orders", "note <> \'\'");',
        "}",
        "export async function downgrade(op: Operations): Promise<void> {}",
        "",
      ].join("\n"),
    );
    const linted = await p.ok(["lint"], 1);
    assert.match(linted.out, "  high check-scans: adding a CHECK scans every row of orders under an ACCESS EXCLUSIVE lock");
  } finally {
    p.done();
  }
});

test.run();
