import { suite } from "uvu";
import * as assert from "uvu/assert";
import { migrationFile } from "../acceptance/migration.js";
import { project, type Project } from "../acceptance/project.js";
import { withTestDatabase, type TestDatabase } from "../support/databases.js";

const test = suite("branch-relative targets through the CLI");

/** A migration that creates `table` holding two rows, and drops it going down. */
function tableWithRows(p: Project, revision: string, downRevision: string | string[] | null, table: string, label?: string): void {
  const text = migrationFile({
    revision,
    downRevision: typeof downRevision === "string" ? downRevision : undefined,
    upgrade: [
      `  await op.createTable(${JSON.stringify(table)}, s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));`,
      `  await op.bulkInsert(${JSON.stringify(table)}, [{ id: 1 }, { id: 2 }]);`,
    ].join("\n"),
    downgrade: `  await op.dropTable(${JSON.stringify(table)});`,
    extra: label ? `export const branchLabels = [${JSON.stringify(label)}];` : undefined,
  });
  p.write(`migrations/${revision}.ts`, text.replace("export const downRevision = null;", `export const downRevision = ${JSON.stringify(downRevision)};`));
}

function mergeOf(p: Project, revision: string, parents: string[]): void {
  const text = migrationFile({ revision, upgrade: "", downgrade: "" });
  p.write(`migrations/${revision}.ts`, text.replace("export const downRevision = null;", `export const downRevision = ${JSON.stringify(parents)};`));
}

const rowCounts = async (db: TestDatabase) => {
  const names = (await db.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'strata_version' ORDER BY name")).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = Number((await db.query<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
};
const versions = async (db: TestDatabase) =>
  (await db.query<{ v: string; h: number }>("SELECT version_num AS v, is_head AS h FROM strata_version ORDER BY 1")).map((r) => `${r.v}${Number(r.h) ? "*" : ""}`);

//            ┌ bbbb (feat_b) ┐
//  aaaa ─────┤               ├─ mmmm (merge, written later)
//            └ cccc (feat_c) ┘
test("downgrade BRANCH@-1 on a branch the database is not on changes nothing; BRANCH@+1 and BRANCH@-1 around a merge move one branch only", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const p = project();
    const strata = (...argv: string[]) => p.strata(...argv, "--url", db.url);
    try {
      tableWithRows(p, "aaaa", null, "trunk");
      tableWithRows(p, "bbbb", "aaaa", "b_rows", "feat_b");
      tableWithRows(p, "cccc", "aaaa", "c_rows", "feat_c");
      await p.ok(["upgrade", "cccc", "--url", db.url]);
      assert.equal(await rowCounts(db), { c_rows: 2, trunk: 2 });

      const refused = await strata("downgrade", "feat_b@-1");
      assert.equal(refused.err, 'strata downgrade: cannot resolve "feat_b@-1": no revision of feat_b is applied (the database is at cccc); nothing was changed');
      assert.is(refused.code, 2);
      assert.equal(await rowCounts(db), { c_rows: 2, trunk: 2 });
      assert.equal(await versions(db), ["aaaa", "cccc*"]);

      // One step along feat_b from the trunk it grows on: bbbb, and nothing of feat_c.
      const up = await p.ok(["upgrade", "feat_b@+1", "--url", db.url]);
      assert.equal(up.out.split("\n").slice(1), ["Running upgrade aaaa -> bbbb: migration bbbb", "applied 1 migration"]);
      assert.equal(await versions(db), ["aaaa", "bbbb*", "cccc*"]);

      // Two steps down feat_b would pass the branch point and take feat_c with it: refused, nothing changed.
      const tooFar = await strata("downgrade", "feat_b@-2");
      assert.is(tooFar.code, 2);
      assert.match(tooFar.err, "it would also undo cccc, not on feat_b");
      assert.equal(await rowCounts(db), { b_rows: 2, c_rows: 2, trunk: 2 });

      mergeOf(p, "mmmm", ["bbbb", "cccc"]);
      await p.ok(["upgrade", "head", "--url", db.url]);
      assert.equal(await versions(db), ["aaaa", "bbbb", "cccc", "mmmm*"]);

      const down = await p.ok(["downgrade", "feat_c@-1", "--url", db.url]);
      assert.equal(down.out.split("\n").slice(1), ["Running downgrade mmmm -> bbbb, cccc: migration mmmm", "undid 1 migration"]);
      assert.equal(await versions(db), ["aaaa", "bbbb*", "cccc*"]);
      await p.ok(["downgrade", "feat_c@-1", "--url", db.url]);
      assert.equal(await versions(db), ["aaaa", "bbbb*"]);
      assert.equal(await rowCounts(db), { b_rows: 2, trunk: 2 });

      await p.ok(["upgrade", "feat_c@+1", "--url", db.url]);
      await p.ok(["upgrade", "feat_b@+1", "--url", db.url]);
      assert.equal(await versions(db), ["aaaa", "bbbb", "cccc", "mmmm*"]);
      await p.ok(["downgrade", "feat_b@-2", "--url", db.url]);
      assert.equal(await versions(db), ["aaaa", "cccc*"]);
      assert.equal(await rowCounts(db), { c_rows: 2, trunk: 2 });
    } finally {
      p.done();
    }
  });
});

test.run();
