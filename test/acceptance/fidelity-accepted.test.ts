/**
 * What the database accepts, the language accepts: a foreign key whose
 * column type differs from its target's (PostgreSQL integer -> bigint, as in
 * openstreetmap-website), and SQLite columns declared without a type.
 */
import { suite } from "uvu";
import { availableDialects } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";

const test = suite("acceptance: schemas the database accepted are accepted");

const FK_LINE = 'user_id integer? @references(users.id, name: "notes_user_id_fkey")';

const cases = [
  fidelityCase({
    dialect: "postgresql",
    name: "an integer column referencing a bigint key",
    sql: "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE notes (id integer PRIMARY KEY, user_id integer REFERENCES users (id));",
    pulled: [FK_LINE],
    edit: [[FK_LINE, `${FK_LINE}\n  editor_id integer? @references(users.id, name: "notes_editor_id_fkey")`]],
    upgrade: ['op.addColumn("notes", s.column("editor_id", s.integer(), { nullable: true }))', 'op.createForeignKey("notes_editor_id_fkey", "notes", "users", ["editor_id"], ["id"])'],
    editedSql:
      "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE notes (id integer PRIMARY KEY, user_id integer REFERENCES users (id), editor_id integer REFERENCES users (id));",
  }),
  fidelityCase({
    dialect: "sqlite",
    name: "an untyped column referencing an integer key round-trips untyped",
    sql: "CREATE TABLE owner (id TEXT PRIMARY KEY);\nCREATE TABLE item (valueID REFERENCES owner (id), note);",
    pulled: ["valueID any? @references(owner.id)", "note any?"],
    edit: [["note any?", "note any?\n  extra any?"]],
    upgrade: ['op.addColumn("item", s.column("extra", s.type("any"), { nullable: true }))'],
    editedSql: "CREATE TABLE owner (id TEXT PRIMARY KEY);\nCREATE TABLE item (valueID REFERENCES owner (id), note, extra);",
  }),
].filter((c) => availableDialects().includes(c.lane as never));

testInLanes(test, cases);
test.run();
