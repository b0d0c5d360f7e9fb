import { suite } from "uvu";
import * as assert from "uvu/assert";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import { availableDialects, withTestDatabase } from "../../support/databases.js";

const test = suite("postgresql connection");

if (availableDialects(["postgresql"]).length === 0) {
  console.warn("SKIPPED postgresql connection: the PostgreSQL server is down");
} else {
  test("query takes positional parameters and counts statements", () =>
    withTestDatabase("postgresql", async (db) => {
      const conn = await postgresqlDialect.connect(db.url);
      try {
        assert.is(conn.queryCount, 0);
        const rows = await conn.query<{ sum: number; label: string }>("select $1::int + $2::int as sum, $3::text as label", [2, 3, "x"]);
        assert.equal(rows, [{ sum: 5, label: "x" }]);
        await conn.execute("create table a (id int); create table b (id int)");
        assert.is(conn.queryCount, 2);
      } finally {
        await conn.close();
      }
    }),
  );

  test("one session: settings and transactions carry across statements", () =>
    withTestDatabase("postgresql", async (db) => {
      const conn = await postgresqlDialect.connect(db.url);
      try {
        await conn.execute("create table t (id int)");
        await conn.execute("begin");
        await conn.execute("insert into t values (1)");
        await conn.execute("rollback");
        assert.equal(await conn.query("select count(*)::int as n from t"), [{ n: 0 }]);
        await conn.execute("set application_name = 'probe'");
        assert.equal(await conn.query("select current_setting('application_name') as name"), [{ name: "probe" }]);
      } finally {
        await conn.close();
      }
    }),
  );

  test("server errors keep their message; notices are silent", () =>
    withTestDatabase("postgresql", async (db) => {
      const conn = await postgresqlDialect.connect(db.url);
      try {
        await conn.execute("drop table if exists nothing_here");
        const error = await conn.query("select * from missing_table").then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        assert.is(error?.message, 'relation "missing_table" does not exist');
      } finally {
        await conn.close();
      }
    }),
  );

  test("connect fails at once with the server's message for a missing database", async () => {
    const url = "postgres://postgres@127.0.0.1:5432/strata_no_such_db";
    const error = await postgresqlDialect.connect(url).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    assert.is(error?.message, 'database "strata_no_such_db" does not exist');
  });

  test("displayUrl hides the password; both URL schemes connect", () =>
    withTestDatabase("postgresql", async (db) => {
      const withPassword = db.url.replace("postgres@", "postgres:s3cret@");
      const conn = await postgresqlDialect.connect(withPassword.replace(/^postgres:/, "postgresql:"));
      try {
        assert.is(conn.displayUrl, withPassword.replace(/^postgres:/, "postgresql:").replace("s3cret", "***"));
        assert.not.match(conn.displayUrl, "s3cret");
      } finally {
        await conn.close();
      }
    }),
  );
}

test.run();
