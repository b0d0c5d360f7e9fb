/**
 * `--sql` offline, through the CLI: it needs no URL (the schema's dialect
 * is enough, even when its URL comes from an unset variable), and writes a
 * PostgreSQL enum value drop from the migrations' own state: the values
 * the enum has and the columns using it, defaults included. The script then
 * runs on a real server and leaves what running the migrations would.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { migrationFile } from "./migration.js";
import { project } from "./project.js";

const test = suite("acceptance: --sql without a database");

const SCHEMA = (dialect: string) => `database {\n  dialect = "${dialect}"\n  url = env("STRATA_TEST_NEVER_SET_URL")\n}\n\ntable member {\n  id integer @id\n}\n`;

test("sqlite: --sql needs no URL; the schema's database block says the dialect", async () => {
  const p = project({ "schemas/app.schema": SCHEMA("sqlite") });
  try {
    p.write("migrations/m1.ts", migrationFile({ revision: "m1", upgrade: '  await op.createTable("member", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));', downgrade: '  await op.dropTable("member");' }));
    const script = await p.ok(["upgrade", "head", "--sql"]);
    assert.ok(script.out.startsWith("-- strata upgrade base:head on sqlite, written offline by `--sql`\n"), script.out);
    assert.match(script.out, 'CREATE TABLE "member" (');
    // Without --sql the same project needs the URL, and says which variable to set.
    const online = await p.ok(["upgrade", "head"], 2);
    assert.match(online.err, 'env("STRATA_TEST_NEVER_SET_URL")');
  } finally {
    p.done();
  }
});

for (const dialect of availableDialects(["postgresql"])) {
  test(`${dialect}: an enum value drop is written from the migrations' own state, with no URL, and the script runs`, async () => {
    const p = project({ "schemas/app.schema": SCHEMA(dialect) });
    try {
      p.write(
        "migrations/m1.ts",
        migrationFile({
          revision: "m1",
          upgrade: [
            '  await op.createEnum("role", ["admin", "member", "guest"]);',
            '  await op.createTable("member", s.column("id", s.integer(), { nullable: false }), s.column("role", s.enumType("role"), { nullable: false, default: s.enumValue("member") }), s.primaryKey("id"));',
          ].join("\n"),
          downgrade: '  await op.dropTable("member");\n  await op.dropEnum("role");',
        }),
      );
      p.write(
        "migrations/m2.ts",
        migrationFile({ revision: "m2", downRevision: "m1", upgrade: '  await op.dropEnumValue("role", "guest");', downgrade: '  await op.addEnumValue("role", "guest");' }),
      );
      const script = await p.ok(["upgrade", "m1:m2", "--sql"]);
      assert.match(script.out, [
        'ALTER TYPE "role" RENAME TO "role__strata_old";',
        `CREATE TYPE "role" AS ENUM ('admin', 'member');`,
        'ALTER TABLE "public"."member" ALTER COLUMN "role" DROP DEFAULT;',
        'ALTER TABLE "public"."member" ALTER COLUMN "role" TYPE "role" USING "role"::text::"role";',
        `ALTER TABLE "public"."member" ALTER COLUMN "role" SET DEFAULT 'member';`,
        'DROP TYPE "role__strata_old";',
      ].join("\n"));
      await withTestDatabase(dialect, async (db) => {
        await db.run((await p.ok(["upgrade", "m1", "--sql"])).out);
        await db.run("INSERT INTO member (id, role) VALUES (1, 'admin')");
        await db.run(script.out);
        const labels = await db.query<{ l: string }>("SELECT enumlabel AS l FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'role' ORDER BY enumsortorder");
        assert.equal(labels.map((r) => r.l), ["admin", "member"]);
        assert.equal(await db.query("SELECT id, role::text AS role FROM member"), [{ id: 1, role: "admin" }]);
        const [{ d }] = await db.query<{ d: string }>("SELECT column_default AS d FROM information_schema.columns WHERE table_name = 'member' AND column_name = 'role'");
        assert.is(d, "'member'::role");
      });
    } finally {
      p.done();
    }
  });
}

test.run();
