/**
 * PostgreSQL tables come back with what the catalog keeps beyond columns:
 * UNLOGGED, UNIQUE NULLS NOT DISTINCT, index INCLUDE columns, storage
 * parameters (fillfactor, pages_per_range) and NULLS NOT DISTINCT, MATCH
 * FULL foreign keys, NOT VALID constraints and DEFERRABLE unique constraints
 * and primary keys.
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

const DEFERRABLE = (mode: string) =>
  `CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, c integer, UNIQUE (a) DEFERRABLE${mode}, UNIQUE (b, c) DEFERRABLE INITIALLY DEFERRED);`;

const IDENTITY = "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY ";

const STORED = 'CREATE TABLE t (id integer PRIMARY KEY, body text COMPRESSION lz4, data bytea, name text COLLATE "C");\n';

const cases = [
  fidelityCase({
    dialect: "postgresql",
    name: "DEFERRABLE unique constraints (one column and two); one made INITIALLY DEFERRED by an edit",
    sql: DEFERRABLE(""),
    pulled: ['a integer? @unique(name: "t_a_key", deferrable: true)', '@@unique([b, c], name: "t_b_c_key", deferrable: true, initiallyDeferred: true)'],
    edit: [['@unique(name: "t_a_key", deferrable: true)', '@unique(name: "t_a_key", deferrable: true, initiallyDeferred: true)']],
    upgrade: ['op.dropConstraint("t_a_key", "t"', 'op.createUniqueConstraint("t_a_key", "t", ["a"], { deferrable: true, initiallyDeferred: true })'],
    editedSql: DEFERRABLE(" INITIALLY DEFERRED"),
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "a DEFERRABLE primary key; made INITIALLY DEFERRED by an edit",
    sql: "CREATE TABLE t (id integer PRIMARY KEY DEFERRABLE, a integer);",
    pulled: ['@@id([id], name: "t_pkey", deferrable: true)'],
    edit: [["deferrable: true", "deferrable: true, initiallyDeferred: true"]],
    upgrade: ['op.dropConstraint("t_pkey", "t"', 'op.createPrimaryKey("t_pkey", "t", ["id"], { deferrable: true, initiallyDeferred: true })'],
    editedSql: "CREATE TABLE t (id integer PRIMARY KEY DEFERRABLE INITIALLY DEFERRED, a integer);",
  }),
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
  fidelityCase({
    dialect: "postgresql",
    name: "identity sequence options (start, increment, cache, maxvalue, cycle); the increment changed by an edit",
    sql: `${IDENTITY}(START WITH 100 INCREMENT BY 5 CACHE 10) PRIMARY KEY, n bigint GENERATED BY DEFAULT AS IDENTITY (MAXVALUE 1000 CYCLE));`,
    pulled: ["id integer @identity(always, start: 100, increment: 5, cache: 10)", "n bigint @identity(maxValue: 1000, cycle: true)"],
    edit: [["increment: 5", "increment: 2"]],
    upgrade: ['new AlterColumnOp("t", "id"', "modify_identity_options: { from: { start: 100, increment: 5, cache: 10 }, to: { start: 100, increment: 2, cache: 10 } }"],
    editedSql: `${IDENTITY}(START WITH 100 INCREMENT BY 2 CACHE 10) PRIMARY KEY, n bigint GENERATED BY DEFAULT AS IDENTITY (MAXVALUE 1000 CYCLE));`,
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "column STORAGE, COMPRESSION and COLLATE; the storage changed by an edit",
    sql: `${STORED}ALTER TABLE t ALTER COLUMN data SET STORAGE EXTERNAL;`,
    pulled: ["body text? @compression(lz4)", "data bytes? @storage(external)", 'name text? @collate("C")'],
    edit: [["@storage(external)", "@storage(main)"]],
    upgrade: ['modify_storage: { from: "external", to: "main" }'],
    editedSql: `${STORED}ALTER TABLE t ALTER COLUMN data SET STORAGE MAIN;`,
  }),
  fidelityCase({
    dialect: "postgresql",
    name: "a column STORAGE removed by an edit goes back to its type's own (inet's is MAIN, a domain's its base type's: numeric's MAIN)",
    sql: "CREATE DOMAIN tags AS numeric;\nCREATE TABLE t (id integer PRIMARY KEY, ip inet, q tags);\nALTER TABLE t ALTER COLUMN ip SET STORAGE EXTERNAL, ALTER COLUMN q SET STORAGE EXTERNAL;",
    pulled: ["ip inet? @storage(external)", "q tags? @storage(external)"],
    edit: [["ip inet? @storage(external)", "ip inet?"], ["q tags? @storage(external)", "q tags?"]],
    upgrade: ['modify_storage: { from: "external", to: undefined }', 'modify_storage: { from: "external", to: undefined }'],
    editedSql: "CREATE DOMAIN tags AS numeric;\nCREATE TABLE t (id integer PRIMARY KEY, ip inet, q tags);",
  }),
].filter(() => isAvailable("postgresql"));

testInLanes(test, cases);
test.run();
