/**
 * Row-level security and its policies round-trip on PostgreSQL: created in
 * SQL, pulled, rebuilt from the pulled schema alone with the same catalog
 * (RLS flags and policies read from pg_class and pg_policies), and a change
 * of a policy's expression and roles autogenerates an exact alterPolicy
 * that upgrades and downgrades.
 */
import { suite } from "uvu";
import { availableDialects } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";

const test = suite("acceptance: row-level security and policies");

// Roles belong to the server, not to a test's database: made once, by whichever test gets there first.
const ROLES = ["strata_rls_reader", "strata_rls_writer"]
  .map((role) => `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;\n`)
  .join("");

const TABLES = `CREATE SCHEMA app;
CREATE FUNCTION app.current_user_id() RETURNS integer LANGUAGE sql STABLE AS $$ select nullif(current_setting('app.user_id', true), '')::integer $$;
CREATE TABLE app.document (id integer PRIMARY KEY, owner_id integer NOT NULL, published boolean NOT NULL DEFAULT false);
ALTER TABLE app.document ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.document FORCE ROW LEVEL SECURITY;
CREATE TABLE app.note (id integer PRIMARY KEY, body text);
ALTER TABLE app.note ENABLE ROW LEVEL SECURITY;
`;

const policies = (readers: string, visible: string) => `CREATE POLICY read_published ON app.document FOR SELECT TO ${readers} USING (${visible});
CREATE POLICY write_own ON app.document AS RESTRICTIVE FOR UPDATE TO strata_rls_writer, strata_rls_reader
  USING (owner_id = app.current_user_id()) WITH CHECK (owner_id = app.current_user_id());
CREATE POLICY insert_own ON app.document FOR INSERT WITH CHECK (owner_id = app.current_user_id());
COMMENT ON POLICY insert_own ON app.document IS 'authors add their own';
CREATE POLICY everything ON app.note USING (true);
`;

const cases = [
  fidelityCase({
    dialect: "postgresql",
    name: "RLS enabled and forced, permissive and restrictive policies; a policy's expression and roles edited",
    sql: ROLES + TABLES + policies("strata_rls_reader", "published OR owner_id = app.current_user_id()"),
    pulled: [
      "@@rowLevelSecurity(force: true)",
      "@@rowLevelSecurity",
      "policy read_published {",
      "on = app.document",
      "for = select",
      "to = [strata_rls_reader]",
      'using = sql("published OR owner_id = app.current_user_id()")',
      "to = [strata_rls_reader, strata_rls_writer]",
      "as = restrictive",
      'check = sql("owner_id = app.current_user_id()")',
      'comment = "authors add their own"',
      "policy everything {",
    ],
    edit: [
      ["to = [strata_rls_reader]", "to = [strata_rls_reader, strata_rls_writer]"],
      ['using = sql("published OR owner_id = app.current_user_id()")', 'using = sql("published")'],
    ],
    upgrade: [
      'op.alterPolicy("read_published", "document", {',
      'schema: "app"',
      'command: "select"',
      'roles: ["strata_rls_reader", "strata_rls_writer"]',
      'using: "published"',
      'existing: s.policy("read_published", "document", {',
      'roles: ["strata_rls_reader"]',
      'using: "published OR owner_id = app.current_user_id()"',
    ],
    editedSql: ROLES + TABLES + policies("strata_rls_reader, strata_rls_writer", "published"),
  }),
].filter((c) => availableDialects().includes(c.lane as never));

testInLanes(test, cases);
test.run();
