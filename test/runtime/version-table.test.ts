import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dialectNamed } from "../../src/dialects/registry.js";
import { migrationChecksum } from "../../src/runtime/checksum.js";
import { VersionTable } from "../../src/runtime/version-table.js";
import type { VersionState } from "../../src/runtime/version-state.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";

const test = suite("version table");

const state = (...rows: Array<[string, boolean]>): VersionState =>
  new Map(rows.map(([revision, isHead]) => [revision, { revision, isHead, checksum: migrationChecksum(revision) }]));

test("checksums ignore line-ending style and a byte-order mark, nothing else", () => {
  assert.is(migrationChecksum("a\r\nb\r\n"), migrationChecksum("a\nb\n"));
  assert.is(migrationChecksum("\uFEFFa\n"), migrationChecksum("a\n"));
  assert.is.not(migrationChecksum("a\n"), migrationChecksum("a \n"));
  assert.is(migrationChecksum(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
});

test("a change of state is written as deletes, head flips and inserts", () => {
  const table = new VersionTable(dialectNamed("postgresql")!);
  const sql = table
    .changeStatements(
      state(["a", false], ["b", true], ["c", true]),
      state(["a", false], ["b", false], ["d", true]),
      "2026-11-24T14:00:00Z",
    )
    .map((s) => s.sql);
  assert.equal(sql, [
    `DELETE FROM "strata_version" WHERE "version_num" IN ('c')`,
    `UPDATE "strata_version" SET "is_head" = 0 WHERE "version_num" IN ('b')`,
    `INSERT INTO "strata_version" ("version_num", "is_head", "checksum", "applied_at") VALUES ('d', 1, '${migrationChecksum("d")}', '2026-11-24T14:00:00Z')`,
  ]);
});

test("values that are not plain ids are refused rather than spliced into SQL", () => {
  const table = new VersionTable(dialectNamed("sqlite")!);
  assert.throws(
    () => table.changeStatements(new Map(), state(["x'; drop table t; --", true]), "now"),
    /not a plain revision id/,
  );
});

for (const name of availableDialects()) {
  test(`${name}: absent table reads as empty, then round-trips every state change`, async () => {
    await withTestDatabase(name, async (db) => {
      const dialect = dialectNamed(name)!;
      const connection = await dialect.connect(db.url);
      try {
        const table = new VersionTable(dialect, "my_versions");
        assert.is(await table.exists(connection), false);
        assert.equal(await table.read(connection), new Map());
        await connection.execute(table.createStatement().sql);
        await connection.execute(table.createStatement().sql); // idempotent
        assert.is(await table.exists(connection), true);
        const steps = [state(["a", true]), state(["a", false], ["b", true], ["c", true]), state(["a", true]), state()];
        let before: VersionState = new Map();
        for (const after of steps) {
          for (const s of table.changeStatements(before, after, "2026-11-24T14:00:00.000Z"))
            await connection.execute(s.sql);
          assert.equal(await table.read(connection), after);
          before = after;
        }
        const rows = await db.query("SELECT version_num FROM my_versions");
        assert.equal(rows, []);
      } finally {
        await connection.close();
      }
    });
  });
}

test.run();
