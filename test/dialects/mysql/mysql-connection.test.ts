import { randomBytes } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import { dialectForUrl } from "../../../src/dialects/registry.js";
import { withTestDatabase } from "../../support/databases.js";
import { MYSQL_DIALECTS } from "./mysql-test-support.js";

for (const dialect of MYSQL_DIALECTS) {
  test(`${dialect}: mysql:// and mariadb:// URLs both connect to the MySQL dialect`, async () => {
    await withTestDatabase("mysql", async (db) => {
      for (const url of [db.url, db.url.replace(/^mysql:/, "mariadb:")]) {
        assert.is(dialectForUrl(url), mysqlDialect);
        const connection = await mysqlDialect.connect(url);
        try {
          assert.equal(await connection.query("SELECT DATABASE() AS db"), [{ db: db.url.slice(db.url.lastIndexOf("/") + 1) }]);
        } finally {
          await connection.close();
        }
      }
    });
  });

  test(`${dialect}: ? parameters (arrays expand), a statement counter, one session`, async () => {
    await withTestDatabase("mysql", async (db) => {
      const connection = await mysqlDialect.connect(db.url);
      try {
        assert.is(connection.queryCount, 0);
        await connection.execute("CREATE TABLE t (a INT, b VARCHAR(10))");
        await connection.execute("INSERT INTO t VALUES (?, ?), (?, ?)", [1, "it's", 2, "x"]);
        await connection.execute("SET @strata_session = 7");
        assert.equal(await connection.query("SELECT a, b FROM t WHERE a IN (?) ORDER BY a", [[1, 2]]), [
          { a: 1, b: "it's" },
          { a: 2, b: "x" },
        ]);
        assert.equal(await connection.query("SELECT @strata_session AS v"), [{ v: "7" }]);
        assert.is(connection.queryCount, 5);
      } finally {
        await connection.close();
      }
    });
  });

  test(`${dialect}: server errors come through with the server's message`, async () => {
    await withTestDatabase("mysql", async (db) => {
      const connection = await mysqlDialect.connect(db.url);
      try {
        await connection.query("SELECT * FROM missing_table");
        assert.unreachable("the query should have failed");
      } catch (error) {
        const name = db.url.slice(db.url.lastIndexOf("/") + 1);
        assert.is((error as Error).message, `Table '${name}.missing_table' doesn't exist`);
      } finally {
        await connection.close();
      }
    });
  });

  test(`${dialect}: displayUrl hides the password`, async () => {
    await withTestDatabase("mysql", async (db) => {
      const user = `strata_u_${randomBytes(4).toString("hex")}`;
      await db.run(`CREATE USER '${user}'@'%' IDENTIFIED BY 's3cr:t'; GRANT SELECT ON *.* TO '${user}'@'%';`);
      try {
        const url = db.url.replace(/^mysql:\/\/[^@]*@/, `mysql://${user}:${encodeURIComponent("s3cr:t")}@`);
        const connection = await mysqlDialect.connect(url);
        try {
          assert.is(connection.displayUrl, url.replace(encodeURIComponent("s3cr:t"), "***"));
          assert.not.match(connection.displayUrl, "s3cr");
          assert.equal(await connection.query("SELECT CURRENT_USER() LIKE ? AS me", [`${user}@%`]), [{ me: 1 }]);
        } finally {
          await connection.close();
        }
      } finally {
        await db.run(`DROP USER '${user}'@'%'`);
      }
    });
  });
}

test.run();
