import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { migrationFile } from "../acceptance/migration.js";
import { project } from "../acceptance/project.js";
import { isAvailable, withTestDatabase } from "../support/databases.js";
import { runStrata } from "../support/strata-process.js";

if (isAvailable("postgresql")) {
  test("postgresql: diff and check print enum defaults by value, and count the lines they print", () =>
    withTestDatabase("postgresql", async (db) => {
      await db.run(`CREATE TYPE role AS ENUM ('admin', 'member');
        CREATE TABLE "user" (id integer PRIMARY KEY, role role NOT NULL DEFAULT 'member', name varchar(10))`);
      const p = project({
        "schemas/app.schema": "enum role { admin member }\n\ntable user {\n  id   integer @id\n  role role    @default(admin)\n  name text\n}\n",
      });
      try {
        const changes = [
          "  ~ column user.role: default member → admin",
          "  ~ column user.name: type varchar(10) → text",
          "  ~ column user.name: nullable true → false",
        ];
        const diff = await runStrata(["diff", "--url", db.url], { cwd: p.cwd });
        assert.is(diff.out, [`${db.url}: 3 changes`, ...changes, ""].join("\n"));
        const check = await runStrata(["check", "--url", db.url], { cwd: p.cwd });
        assert.is(check.out, [`${db.url}: differs from the schema (3 changes):`, ...changes, ""].join("\n"));
        assert.is(check.code, 1);
      } finally {
        p.done();
      }
    }),
  );
}

if (isAvailable("mysql")) {
  test("mysql: a migration that fails at its first statement says nothing of it was applied", () =>
    withTestDatabase("mysql", async (db) => {
      const p = project({
        "migrations/aaaa00000001_broken.ts": migrationFile({
          revision: "aaaa00000001",
          upgrade: '  await op.dropTable("no_such_table");\n  await op.createTable("later", s.column("id", s.integer(), { nullable: false }));',
          downgrade: "",
        }),
      });
      try {
        const { code, err } = await runStrata(["upgrade", "head", "--url", db.url], { cwd: p.cwd });
        assert.is(code, 2);
        assert.match(
          err,
          "strata upgrade: upgrade aaaa00000001 (migrations/aaaa00000001_broken.ts) failed at its first statement, so nothing of it was applied. The version table still says base (the last migration that completed).\n",
        );
        assert.not.match(err, "0 of its statements");
      } finally {
        p.done();
      }
    }),
  );
}

test("two files declaring one revision are both named", async () => {
  const file = migrationFile({ revision: "aaaa00000001", upgrade: "", downgrade: "" });
  const p = project({ "migrations/a_first.ts": file, "migrations/b_copy.ts": file });
  try {
    const { code, err } = await runStrata(["heads"], { cwd: p.cwd });
    assert.is(
      err,
      "strata heads: migrations/b_copy.ts: declares revision aaaa00000001, which migrations/a_first.ts declares too; give one of them a new revision id\n",
    );
    assert.is(code, 2);
  } finally {
    p.done();
  }
});

test("sqlite: a rebuild that meets a NULL names the user's table, not the temporary copy", async () => {
  const p = project({
    "migrations/aaaa00000001_create.ts": migrationFile({
      revision: "aaaa00000001",
      upgrade: `  await op.execute('CREATE TABLE "user" (id integer PRIMARY KEY, name text)');\n  await op.execute('INSERT INTO "user" (id, name) VALUES (1, NULL)');`,
      downgrade: '  await op.dropTable("user");',
    }),
    "migrations/bbbb00000002_required.ts": migrationFile({
      revision: "bbbb00000002",
      downRevision: "aaaa00000001",
      upgrade: '  await op.alterColumn("user", "name", { nullable: false, existingType: s.text(), existingNullable: true });',
      downgrade: "",
    }),
  });
  try {
    const { code, err } = await runStrata(["upgrade", "head"], { cwd: p.cwd });
    assert.is(code, 2);
    // The pre-check finds the NULLs before the rebuild starts, and names the user's table.
    assert.match(err, 'user.name is NULL in some rows, so it cannot be made NOT NULL');
    assert.not.match(err, "user__strata_rebuild.name");
  } finally {
    p.done();
  }
});

test("init keeps what exists and adds the rest; with everything there it says so", async () => {
  const p = project({ "schemas/app.schema": "table mine {\n  id integer @id\n}\n" });
  try {
    const init = await runStrata(["init"], { cwd: p.cwd });
    assert.is(init.code, 0, init.err);
    assert.match(init.out, "wrote strata.config.ts\nkept schemas/app.schema (it was already there)\nkept migrations (it was already there)\n");
    assert.is(readFileSync(join(p.cwd, "schemas/app.schema"), "utf8"), "table mine {\n  id integer @id\n}\n");
    assert.ok(existsSync(join(p.cwd, "strata.config.ts")));
    const again = await runStrata(["init"], { cwd: p.cwd });
    assert.is(again.err, "strata init: nothing to do: schemas/app.schema, strata.config.ts, migrations already exist; this folder is a strata project\n");
    assert.is(again.code, 2);
  } finally {
    p.done();
  }
});

test.run();
