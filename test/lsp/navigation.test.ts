import { test } from "uvu";
import * as assert from "uvu/assert";
import { DefinitionRequest, ReferencesRequest } from "vscode-languageserver-protocol/node";
import { MODEL, positionOf, rangeOf } from "./fixture.js";
import { withSession, type LspSession } from "../support/lsp-session.js";

const ORG = MODEL["schemas/org.schema"];
const USER = MODEL["schemas/user.schema"];

function definitionAt(s: LspSession, path: keyof typeof MODEL, needle: string, nth = 0) {
  const position = positionOf(MODEL[path], needle, nth, 1);
  return s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: s.uri(path) }, position });
}

function referencesAt(s: LspSession, path: keyof typeof MODEL, needle: string, nth = 0) {
  const position = positionOf(MODEL[path], needle, nth, 1);
  return s.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: s.uri(path) },
    position,
    context: { includeDeclaration: true },
  });
}

test("go to definition: a reference's table and column in another file, an enum type, an index column, a view's dependency", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const org = s.uri("schemas/org.schema");
    const user = s.uri("schemas/user.schema");
    assert.equal(await definitionAt(s, "schemas/user.schema", "organization.id"), { uri: org, range: rangeOf(ORG, "organization", 0) });
    assert.equal(await definitionAt(s, "schemas/user.schema", "id, onDelete"), { uri: org, range: rangeOf(ORG, "id", 0) });
    assert.equal(await definitionAt(s, "schemas/org.schema", "Plan", 1), { uri: org, range: rangeOf(ORG, "Plan", 0) });
    assert.equal(await definitionAt(s, "schemas/org.schema", "free", 1), { uri: org, range: rangeOf(ORG, "free", 0) });
    assert.equal(await definitionAt(s, "schemas/user.schema", "organization_id", 1), { uri: user, range: rangeOf(USER, "organization_id", 0) });
    assert.equal(await definitionAt(s, "schemas/user.schema", "organization([id])"), { uri: org, range: rangeOf(ORG, "organization", 0) });
    assert.equal(await definitionAt(s, "schemas/user.schema", "membership on"), { uri: user, range: rangeOf(USER, "membership", 0) });
    assert.is(await definitionAt(s, "schemas/user.schema", "varchar"), null);
  }));

test("find references: every place that names a table or column, across files, declaration first", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const org = s.uri("schemas/org.schema");
    const user = s.uri("schemas/user.schema");
    assert.equal(await referencesAt(s, "schemas/org.schema", "organization"), [
      { uri: org, range: rangeOf(ORG, "organization", 0) },
      { uri: user, range: rangeOf(USER, "organization", 1) },
      { uri: user, range: rangeOf(USER, "organization", 3) },
    ]);
    assert.equal(await referencesAt(s, "schemas/user.schema", "org_id", 1), [
      { uri: user, range: rangeOf(USER, "org_id", 0) },
      { uri: user, range: rangeOf(USER, "org_id", 1) },
      { uri: user, range: rangeOf(USER, "org_id", 2) },
    ]);
    // The view's SQL names table user three times.
    const userTable = await referencesAt(s, "schemas/user.schema", "user {");
    assert.equal(userTable, [
      { uri: user, range: rangeOf(USER, "user", 0) },
      { uri: user, range: rangeOf(USER, "user", 4) },
      { uri: user, range: rangeOf(USER, "user", 5) },
      { uri: user, range: rangeOf(USER, "user", 7) },
    ]);
  }));

test.run();
