/**
 * What the database accepts, the language accepts: a foreign key whose
 * column type differs from its target's (PostgreSQL integer -> bigint, as in
 * openstreetmap-website), and SQLite columns declared without a type. The
 * first is a lint: every command that compiles the schema warns, located,
 * and goes on.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";
import { project } from "./project.js";

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

test("a foreign key whose type differs from its target's is a located warning, and the command goes on", async () => {
  const schema = "table users { id integer @id }\ntable notes {\n  id integer @id\n  user_id text? @references(users.id)\n}\n";
  const p = project({ "schemas/app.schema": schema });
  try {
    const { err } = await p.ok(["diff", "--url", "file:./dev.db"], 1);
    assert.equal(err.split("\n").slice(0, 3), [
      "warning: schemas/app.schema:4:3: notes.user_id is text but references users.id, which is integer: the types differ",
      "  user_id text? @references(users.id)",
      "  ^",
    ]);
  } finally {
    p.done();
  }
});
test.run();
