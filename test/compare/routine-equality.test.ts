import { test } from "uvu";
import * as assert from "uvu/assert";
import { sameRoutine } from "../../src/compare/routine-equality.js";
import { mysqlDialect } from "../../src/dialects/mysql/mysql-dialect.js";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { Routine } from "../../src/model/index.js";

const routine = (props: Partial<ConstructorParameters<typeof Routine>[0]>) => new Routine({ name: "f", body: "BEGIN RETURN 1; END", ...props });

test("MySQL spellings information_schema cannot tell apart are the same routine", () => {
  const written = routine({ kind: "procedure", arguments: "IN id INT, label VARCHAR(10) CHARSET latin1", body: "BEGIN RETURN 1; END\n" });
  const stored = routine({ kind: "procedure", arguments: "IN id int(11), IN label varchar(10)" });
  assert.ok(sameRoutine(mysqlDialect, written, stored));
  const fn = (returns: string, security?: "definer") => routine({ arguments: "x INT", returns, security });
  assert.ok(sameRoutine(mysqlDialect, fn("INT"), fn("int(11)", "definer")), "MySQL's default security is DEFINER");
});

test("a real change is one: a body, a mode, a type, a volatility, a security", () => {
  const base = routine({ arguments: "x integer", returns: "integer", language: "plpgsql", body: "begin return x; end;" });
  assert.ok(sameRoutine(postgresqlDialect, base, base.with({ volatility: "volatile", parallel: "unsafe" })), "stated defaults are no change");
  for (const changed of [
    base.with({ body: "begin return x + 1; end;" }),
    base.with({ arguments: "OUT x integer" }),
    base.with({ arguments: "x bigint" }),
    base.with({ volatility: "stable" }),
    base.with({ security: "definer" }),
    base.with({ config: ["search_path=public"] }),
  ]) {
    assert.not.ok(sameRoutine(postgresqlDialect, base, changed), JSON.stringify(changed));
  }
});

test.run();
