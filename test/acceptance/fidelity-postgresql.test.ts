/**
 * PostgreSQL tables come back with what the catalog keeps beyond columns:
 * UNLOGGED, UNIQUE NULLS NOT DISTINCT, index INCLUDE columns, storage
 * parameters (fillfactor, pages_per_range) and NULLS NOT DISTINCT, MATCH
 * FULL foreign keys and NOT VALID constraints.
 */
import { suite } from "uvu";
import { isAvailable } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";

const test = suite("acceptance: PostgreSQL tables round-trip exactly");

const NULLS_TABLE = "(id integer PRIMARY KEY, a integer, b integer, CONSTRAINT t_a_b_key UNIQUE NULLS NOT DISTINCT (a, b));";
const INDEXED =
  "CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, c text);\n" +
  "CREATE INDEX t_b_brin ON t USING brin (b) WITH (pages_per_range=32);\n";

const CONSTRAINED =
  "CREATE TABLE p (id integer PRIMARY KEY, k integer, UNIQUE (id, k));\n" +
  "CREATE TABLE c (id integer PRIMARY KEY, pid integer, pk integer, qty integer,\n" +
  "  CONSTRAINT c_p_fkey FOREIGN KEY (pid, pk) REFERENCES p (id, k) MATCH FULL);\n";

const cases = [
  fidelityCase({
    dialect: "postgresql",
    name: "an UNLOGGED table with a UNIQUE NULLS NOT DISTINCT constraint; made logged by an edit",
    sql: `CREATE UNLOGGED TABLE t ${NULLS_TABLE}`,
    pulled: ["@@unlogged", '@@unique([a, b], name: "t_a_b_key", nullsNotDistinct: true)'],
    edit: [["@@unlogged", ""]],
    upgrade: ['op.alterTableOptions("t", { unlogged: null }, { existing: { unlogged: true } })'],
    editedSql: `CREATE TABLE t ${NULLS_TABLE}`,
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "index INCLUDE columns, storage parameters and NULLS NOT DISTINCT; the fillfactor changed by an edit",
    sql: `${INDEXED}CREATE UNIQUE INDEX t_a_idx ON t (a) INCLUDE (b, c) NULLS NOT DISTINCT WITH (fillfactor=70);`,
    pulled: [
      '@@index([a], name: "t_a_idx", unique: true, include: [b, c], with: "fillfactor=70", nullsNotDistinct: true)',
      '@@index([b], name: "t_b_brin", using: brin, with: "pages_per_range=32")',
    ],
    edit: [['with: "fillfactor=70"', 'with: "fillfactor=80"']],
    upgrade: [
      'op.dropIndex("t_a_idx"',
      'op.createIndex("t_a_idx", "t", ["a"], { unique: true, include: ["b", "c"], storage: "fillfactor=80", nullsNotDistinct: true })',
    ],
    editedSql: `${INDEXED}CREATE UNIQUE INDEX t_a_idx ON t (a) INCLUDE (b, c) NULLS NOT DISTINCT WITH (fillfactor=80);`,
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "a MATCH FULL foreign key and a NOT VALID check; the check validated by an edit",
    sql: `${CONSTRAINED}ALTER TABLE c ADD CONSTRAINT c_qty_check CHECK (qty > 0) NOT VALID;`,
    pulled: [
      '@@foreignKey([pid, pk], references: p([id, k]), name: "c_p_fkey", match: full)',
      '@@check(sql("qty > 0"), name: "c_qty_check", notValid: true)',
    ],
    edit: [[", notValid: true", ""]],
    upgrade: ['op.dropConstraint("c_qty_check", "c"', 'op.createCheckConstraint("c_qty_check", "c", "qty > 0")'],
    editedSql: `${CONSTRAINED}ALTER TABLE c ADD CONSTRAINT c_qty_check CHECK (qty > 0);`,
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "enum values reordered by an edit: the type is re-created with the rows kept",
    sql: "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\nCREATE TABLE t (id integer PRIMARY KEY, m mood DEFAULT 'ok');\nINSERT INTO t VALUES (1, 'happy');",
    pulled: ["m mood? @default(ok)"],
    edit: [["sad ok happy", "happy ok sad"]],
    upgrade: ['op.reorderEnumValues("mood", ["happy", "ok", "sad"], { existing: ["sad", "ok", "happy"] })'],
    editedSql: "CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');\nCREATE TABLE t (id integer PRIMARY KEY, m mood DEFAULT 'ok');",
  }),
].filter(() => isAvailable("postgresql"));

testInLanes(test, cases);
test.run();
