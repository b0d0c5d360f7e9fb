/**
 * Functions, procedures and triggers round-trip on every dialect that has
 * them: created in SQL, pulled, rebuilt from the pulled schema alone with the
 * same catalog, and a change of a body, a volatility or a trigger's events
 * autogenerates a migration that upgrades and downgrades exactly.
 */
import { suite } from "uvu";
import { availableDialects } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";

const test = suite("acceptance: functions, procedures and triggers");

const PG_TABLE = "CREATE TABLE account (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0, updated_at timestamptz);\n";
const PG_TOUCH = `CREATE FUNCTION app_touch() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  new.updated_at := now();
  return new;
end;
$$;
`;
const pgAddOne = (volatility: string) =>
  `CREATE FUNCTION add_one(x integer, step integer DEFAULT 1) RETURNS integer LANGUAGE sql ${volatility} STRICT AS $$ select x + step $$;\n`;
const pgTrigger = (events: string) => `CREATE TRIGGER account_touch BEFORE ${events} ON account FOR EACH ROW WHEN (new.balance >= 0) EXECUTE FUNCTION app_touch();\n`;

const PG_ORDERS = "CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL, paid boolean NOT NULL DEFAULT false);\n";
const pgProcedure = (bound: string) => `CREATE PROCEDURE close_orders(IN cutoff numeric DEFAULT ${bound}) LANGUAGE plpgsql SECURITY DEFINER SET search_path TO public AS $$
begin
  update orders set paid = true where total < cutoff;
end;
$$;
`;
const PG_CHECK = `CREATE FUNCTION check_paid() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if new.total < 0 then raise exception 'negative total'; end if;
  return null;
end;
$$;
CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT OR UPDATE ON orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_paid();
`;

const PG_BOOKS = "CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL);\nCREATE TABLE book (id integer PRIMARY KEY, author_id integer REFERENCES author, title text NOT NULL);\n";
const pgGroupConcat = (separator: string) => `CREATE FUNCTION _group_concat(acc text, item text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN acc IS NULL THEN item WHEN item IS NULL THEN acc ELSE acc || '${separator}' || item END
$$;
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text);
CREATE VIEW author_titles AS SELECT a.name, group_concat(b.title) AS titles FROM author a JOIN book b ON b.author_id = a.id GROUP BY a.name;
`;

const SQLITE_TABLES = "CREATE TABLE book (id INTEGER NOT NULL PRIMARY KEY, title TEXT, sort TEXT);\nCREATE TABLE log (book INTEGER, what TEXT);\n";
const sqliteTrigger = (what: string) => `CREATE TRIGGER book_insert_trg AFTER INSERT ON book FOR EACH ROW WHEN NEW.title IS NOT NULL
BEGIN
    INSERT INTO log(book, what) VALUES (NEW.id, '${what}');
    UPDATE book SET sort = lower(NEW.title) WHERE id = NEW.id;
END;
`;

const MYSQL_TABLES = "CREATE TABLE lease (id INT PRIMARY KEY, state INT NOT NULL DEFAULT 0);\nCREATE TABLE lease_stat (state INT PRIMARY KEY, leases BIGINT NOT NULL DEFAULT 0);\n";
const mysqlRoutines = (increment: string) => `CREATE FUNCTION next_state(s INT) RETURNS INT DETERMINISTIC
BEGIN
    RETURN s + ${increment};
END;
CREATE PROCEDURE bump_state(IN p_id INT, OUT p_state INT) MODIFIES SQL DATA
BEGIN
    UPDATE lease SET state = next_state(state) WHERE id = p_id;
    SELECT state INTO p_state FROM lease WHERE id = p_id;
END;
CREATE TRIGGER lease_ai AFTER INSERT ON lease FOR EACH ROW
BEGIN
    UPDATE lease_stat SET leases = leases + 1 WHERE state = NEW.state;
END;
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
CREATE TRIGGER lease_aa AFTER INSERT ON lease FOR EACH ROW FOLLOWS lease_ai
    UPDATE lease_stat SET leases = leases + 0 WHERE state = NEW.state;
`;

const cases = [
  fidelityCase({
    dialect: "postgresql",
    name: "a SQL function's volatility and a plpgsql trigger function with its trigger",
    sql: PG_TABLE + PG_TOUCH + pgAddOne("IMMUTABLE") + pgTrigger("UPDATE"),
    pulled: ["function add_one {", 'arguments = "x integer, step integer DEFAULT 1"', "volatility = immutable", 'execute = sql("app_touch()")', "events = [update]"],
    edit: [
      ["volatility = immutable", "volatility = stable"],
      ["events = [update]", "events = [insert, update]"],
    ],
    upgrade: ['op.replaceFunction("add_one"', 'volatility: "stable"', 'op.replaceTrigger("account_touch", "account"', 'events: ["insert", "update"]'],
    editedSql: PG_TABLE + PG_TOUCH + pgAddOne("STABLE") + pgTrigger("INSERT OR UPDATE"),
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "a procedure with a default argument and a deferrable constraint trigger",
    sql: PG_ORDERS + pgProcedure("10") + PG_CHECK,
    pulled: ["procedure close_orders {", 'arguments = "IN cutoff numeric DEFAULT 10"', "security = definer", 'config = ["search_path=public"]', "constraint = true", "initiallyDeferred = true"],
    edit: [['arguments = "IN cutoff numeric DEFAULT 10"', 'arguments = "IN cutoff numeric DEFAULT 20"']],
    upgrade: ['op.dropFunction("close_orders", {', 'kind: "procedure"', 'op.createFunction("close_orders", {', 'arguments: "IN cutoff numeric DEFAULT 20"'],
    editedSql: PG_ORDERS + pgProcedure("20") + PG_CHECK,
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "a group_concat aggregate a view uses, its state function's body edited",
    sql: PG_BOOKS + pgGroupConcat(", "),
    pulled: ["aggregate group_concat {", 'arguments = "text"', 'stateFunction = "_group_concat"', 'stateType = "text"'],
    edit: [["ELSE acc || ', ' || item", "ELSE acc || '; ' || item"]],
    upgrade: ['op.replaceFunction("_group_concat"', "ELSE acc || '; ' || item"],
    editedSql: PG_BOOKS + pgGroupConcat("; "),
  }),
  fidelityCase({
    dialect: "sqlite",
    name: "a trigger body, edited",
    sql: SQLITE_TABLES + sqliteTrigger("added"),
    pulled: ["trigger book_insert_trg {", "on = book", "timing = after", "events = [insert]", "INSERT INTO log(book, what) VALUES (NEW.id, 'added');"],
    edit: [["VALUES (NEW.id, 'added')", "VALUES (NEW.id, 'new')"]],
    upgrade: ['op.replaceTrigger("book_insert_trg", "book"', "VALUES (NEW.id, 'new')"],
    editedSql: SQLITE_TABLES + sqliteTrigger("new"),
  }),
  fidelityCase({
    dialect: "mysql",
    name: "a stored function, a procedure and a trigger, a function body edited",
    sql: MYSQL_TABLES + mysqlRoutines("1"),
    pulled: ["function next_state {", "procedure bump_state {", "trigger lease_ai {", "deterministic = true", "dataAccess = modifiesSqlData", "follows = lease_ai", 'sqlMode = "NO_ENGINE_SUBSTITUTION"'],
    edit: [["RETURN s + 1;", "RETURN s + 2;"]],
    upgrade: ['op.replaceFunction("next_state"', "RETURN s + 2;"],
    editedSql: MYSQL_TABLES + mysqlRoutines("2"),
  }),
].filter((c) => availableDialects().includes(c.lane as never));

testInLanes(test, cases);
test.run();
