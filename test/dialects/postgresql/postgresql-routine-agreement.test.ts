import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../../src/compare/index.js";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { withTestDatabase } from "../../support/databases.js";
import { postgresqlAvailable } from "./reflect-support.js";

const test = suite("postgresql: routines and triggers written by hand compare equal to the server's");

/**
 * No false positives for routines and triggers: spellings people write by
 * hand (`int`, `setof`, `bool`, lower-case keywords, an unqualified function
 * in a trigger, a WHEN without the server's parentheses) against what the
 * catalog gives back. Overloads are separate routines.
 */
const SCHEMA = `
database { dialect = "postgresql" }
table account {
  id         int           @id
  balance    numeric
  updated_at timestamptz?
}
function add_one {
  arguments  = "x int, step int default 1"
  returns    = "int"
  volatility = immutable
  body       = "select x + step"
}
function add_one {
  arguments = "x bigint"
  returns   = "bigint"
  body      = "select x + 1"
}
function app.positive_accounts {
  returns  = "setof account"
  language = sql
  security = definer
  config   = ["search_path=public"]
  body     = "select * from account where balance > 0"
}
function touch {
  returns  = "trigger"
  language = plpgsql
  body     = """
    begin
      new.updated_at := now();
      return new;
    end;
    """
}
procedure app.reset_balances {
  arguments = "floor numeric"
  language  = plpgsql
  body      = "begin update account set balance = floor where balance < floor; end;"
}
trigger account_touch {
  on      = account
  timing  = before
  events  = [update]
  columns = [balance]
  forEach = row
  when    = sql("new.balance <> old.balance")
  execute = sql("touch()")
}
`;

const DDL = `
CREATE SCHEMA app;
CREATE TABLE account (id integer PRIMARY KEY, balance numeric NOT NULL, updated_at timestamp with time zone);
CREATE FUNCTION add_one(x integer, step integer DEFAULT 1) RETURNS integer LANGUAGE sql IMMUTABLE AS $$select x + step$$;
CREATE FUNCTION add_one(x bigint) RETURNS bigint LANGUAGE sql AS $$select x + 1$$;
CREATE FUNCTION app.positive_accounts() RETURNS SETOF account LANGUAGE sql SECURITY DEFINER SET search_path TO public
  AS $$select * from account where balance > 0$$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$begin
  new.updated_at := now();
  return new;
end;$$;
CREATE PROCEDURE app.reset_balances(floor numeric) LANGUAGE plpgsql AS $$begin update account set balance = floor where balance < floor; end;$$;
CREATE TRIGGER account_touch BEFORE UPDATE OF balance ON account FOR EACH ROW WHEN (NEW.balance IS DISTINCT FROM OLD.balance AND true) EXECUTE FUNCTION public.touch();
`;

if (postgresqlAvailable("postgresql: routines written by hand")) {
  test("compareMetadata finds no difference, and sees a changed body", () =>
    withTestDatabase("postgresql", async (db) => {
      await db.run(DDL.replace("NEW.balance IS DISTINCT FROM OLD.balance AND true", "new.balance <> old.balance"));
      const connection = await postgresqlDialect.connect(db.url);
      try {
        const compiled = compileSchema([{ path: "routines.schema", text: SCHEMA }], { env: {} });
        assert.ok(compiled.metadata, formatDiagnostics(compiled.diagnostics));
        const context = MigrationContext.configure({ connection });
        assert.equal(await compareMetadata(context, compiled.metadata!), []);
        const changed = SCHEMA.replace('body      = "select x + 1"', 'body      = "select x + 2"');
        const diff = await compareMetadata(context, compileSchema([{ path: "changed.schema", text: changed }], { env: {} }).metadata!);
        assert.equal(
          diff.map((d) => [d[0], ...(d[0] === "modify_function" ? [(d[4] as { arguments: string }).arguments, (d[4] as { body: string }).body] : [])]),
          [["modify_function", "x bigint", "select x + 2"]],
        );
      } finally {
        await connection.close();
      }
    }),
  );
}

test.run();
