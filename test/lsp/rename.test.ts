import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PrepareRenameRequest, RenameRequest } from "vscode-languageserver-protocol/node";
import { formatSchema } from "../../src/format/index.js";
import { compileSchema } from "../../src/parse/index.js";
import { applyEdits, MODEL, positionOf, rangeOf } from "./fixture.js";
import { withSession, type LspSession } from "../support/lsp-session.js";

const ORG = MODEL["schemas/org.schema"];
const USER = MODEL["schemas/user.schema"];

function rename(s: LspSession, path: keyof typeof MODEL, needle: string, nth: number, newName: string) {
  const position = positionOf(MODEL[path], needle, nth, 1);
  return s.connection.sendRequest(RenameRequest.type, { textDocument: { uri: s.uri(path) }, position, newName });
}

test("renaming a table renames every reference and adds @@renamedFrom, in fmt's layout", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const prepared = await s.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: s.uri("schemas/user.schema") },
      position: positionOf(USER, "organization.id", 0, 3),
    });
    assert.equal(prepared, { range: rangeOf(USER, "organization", 1), placeholder: "organization" });

    const edit = await rename(s, "schemas/user.schema", "organization.id", 0, "company");
    const org = applyEdits(ORG, edit!.changes![s.uri("schemas/org.schema")]!);
    const user = applyEdits(USER, edit!.changes![s.uri("schemas/user.schema")]!);
    assert.equal(Object.keys(edit!.changes!).sort(), [s.uri("schemas/org.schema"), s.uri("schemas/user.schema")]);
    assert.fixture(org, ORG.replace("table organization {", "table company {").replace(
      "  plan Plan    @default(free)\n}",
      '  plan Plan    @default(free)\n\n  @@renamedFrom("organization")\n}',
    ));
    assert.fixture(user, USER.replace("@references(organization.id", "@references(company.id").replace("references: organization([id])", "references: company([id])"));
    assert.is(formatSchema(org, "org.schema").text, org);
    const compiled = compileSchema([{ path: join(s.cwd, "a.schema"), text: org }, { path: join(s.cwd, "b.schema"), text: user }]);
    assert.equal(compiled.diagnostics, []);
    assert.is(compiled.metadata!.tables.get("company")!.renamedFrom, "organization");
  }));

test("renaming a column renames it in references in other files and in index lists, and adds @renamedFrom", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const edit = await rename(s, "schemas/org.schema", "id", 0, "org_key");
    assert.equal(edit!.changes![s.uri("schemas/org.schema")], [
      { range: rangeOf(ORG, "id", 0), newText: "org_key" },
      { range: { start: positionOf(ORG, "@id", 0, 3), end: positionOf(ORG, "@id", 0, 3) }, newText: ' @renamedFrom("id")' },
    ]);
    assert.equal(edit!.changes![s.uri("schemas/user.schema")], [
      { range: { start: positionOf(USER, ".id, onDelete", 0, 1), end: positionOf(USER, ".id, onDelete", 0, 3) }, newText: "org_key" },
      { range: { start: positionOf(USER, "([id])", 0, 2), end: positionOf(USER, "([id])", 0, 4) }, newText: "org_key" },
    ]);

    const users = await rename(s, "schemas/user.schema", "email", 0, "mail");
    const renamed = applyEdits(USER, users!.changes![s.uri("schemas/user.schema")]!);
    assert.fixture(renamed, USER.replace("  email           varchar(255)\n", '  mail           varchar(255) @renamedFrom("email")\n').replace("@@unique([email]", "@@unique([mail]").replace("organization_id, email]", "organization_id, mail]"));
  }));

test("renaming a column that a view's SQL names after its table renames it there too", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const edit = await rename(s, "schemas/user.schema", "user_id integer", 0, "member_id");
    const renamed = applyEdits(USER, edit!.changes![s.uri("schemas/user.schema")]!);
    assert.fixture(
      renamed,
      USER.replace("  user_id integer\n", '  member_id integer @renamedFrom("user_id")\n')
        .replace("@@id([org_id, user_id])", "@@id([org_id, member_id])")
        .replace("membership.user_id", "membership.member_id"),
    );
  }));

test("a rename onto an existing name, or of something that is not a table or column, is refused", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const error = await rename(s, "schemas/user.schema", "email", 0, "id").catch((e: Error) => e.message);
    assert.is(error, 'the table already has a column named "id"');
    const prepared = await s.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: s.uri("schemas/org.schema") },
      position: positionOf(ORG, "Plan", 1, 1),
    });
    assert.is(prepared, null);
  }));

test.run();
