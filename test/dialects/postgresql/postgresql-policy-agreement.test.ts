import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../../src/compare/index.js";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { withTestDatabase } from "../../support/databases.js";
import { postgresqlAvailable } from "./reflect-support.js";

const test = suite("postgresql: policies written by hand compare equal to the server's");

/**
 * No false positives for policies: expressions as people write them (lower
 * case, their own parentheses, a subquery without the alias PostgreSQL
 * gives its column, a cast the server adds) against what pg_policy gives
 * back, which normalizing text alone cannot always undo (the server is
 * asked: storedPolicies). Roles compare as a set. Asking leaves nothing
 * behind.
 */
const SCHEMA = `
database { dialect = "postgresql" }
function member_ids {
  returns = "setof integer"
  body    = "select 1"
}
table org {
  id   integer @id
  name text
  @@rowLevelSecurity
}
policy select_member {
  on    = org
  for   = select
  using = sql("id in (select member_ids())")
}
policy rename_own {
  on    = org
  for   = update
  to    = [pg_signal_backend, pg_monitor]
  using = sql("(name = current_user::text)")
  check = sql("name like 'org%'")
}
`;

const DDL = `
CREATE FUNCTION member_ids() RETURNS SETOF integer LANGUAGE sql AS $$select 1$$;
CREATE TABLE org (id integer PRIMARY KEY, name text NOT NULL);
ALTER TABLE org ENABLE ROW LEVEL SECURITY;
CREATE POLICY select_member ON org FOR SELECT USING (id IN (SELECT member_ids() AS member_ids));
CREATE POLICY rename_own ON org FOR UPDATE TO pg_monitor, pg_signal_backend USING (name = CURRENT_USER) WITH CHECK (name ~~ 'org%'::text);
`;

if (postgresqlAvailable("postgresql: policies written by hand")) {
  test("compareMetadata finds no difference, leaves no probe behind, and sees a changed expression", () =>
    withTestDatabase("postgresql", async (db) => {
      await db.run(DDL);
      const connection = await postgresqlDialect.connect(db.url);
      try {
        const compiled = compileSchema([{ path: "policies.schema", text: SCHEMA }], { env: {} });
        assert.ok(compiled.metadata, formatDiagnostics(compiled.diagnostics));
        const context = MigrationContext.configure({ connection });
        assert.equal(await compareMetadata(context, compiled.metadata!), []);
        assert.equal(await db.query("select polname from pg_policy order by 1"), [{ polname: "rename_own" }, { polname: "select_member" }]);
        const changed = SCHEMA.replace(`sql("name like 'org%'")`, `sql("name like 'team%'")`);
        const diff = await compareMetadata(context, compileSchema([{ path: "changed.schema", text: changed }], { env: {} }).metadata!);
        assert.equal(
          diff.map((d) => [d[0], (d[4] as { check: string }).check]),
          [["modify_policy", "name like 'team%'"]],
        );
      } finally {
        await connection.close();
      }
    }),
  );
}

test.run();
