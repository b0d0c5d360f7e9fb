import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CodeActionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  SemanticTokensRequest,
  type Diagnostic,
} from "vscode-languageserver-protocol/node";
import { formatSchema } from "../../src/format/index.js";
import { applyEdits, MODEL, positionOf, rangeOf } from "./fixture.js";
import { withSession } from "../support/lsp-session.js";

const ORG = MODEL["schemas/org.schema"];

/** Semantic tokens as [line, character, length, type, modifiers], from the protocol's relative encoding. */
function decoded(data: readonly number[]): Array<[number, number, number, number, number]> {
  const tokens: Array<[number, number, number, number, number]> = [];
  for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push([line, character, data[i + 2], data[i + 3], data[i + 4]]);
  }
  return tokens;
}

test("formatting a document gives strata fmt's output", () =>
  withSession(MODEL, async (s) => {
    const messy = ORG.replace("  id   integer @id", "id integer     @id").replace("enum Plan { free team }", "enum Plan {\nfree\n    team }");
    await s.open("schemas/org.schema", messy);
    const edits = await s.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: s.uri("schemas/org.schema") },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.is(applyEdits(messy, edits!), ORG);
    assert.is(formatSchema(messy, "org.schema").text, ORG);
    await s.change("schemas/org.schema", ORG);
    const none = await s.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: s.uri("schemas/org.schema") },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(none, []);
  }));

test("document symbols outline the declarations, with columns and enum values under them", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/org.schema");
    const symbols = (await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: s.uri("schemas/org.schema") } })) as Array<{
      name: string;
      kind: number;
      detail?: string;
      children?: Array<{ name: string; kind: number; detail?: string }>;
    }>;
    assert.equal(
      symbols.map((d) => [d.name, d.kind, d.detail, d.children?.map((c) => [c.name, c.kind, c.detail])]),
      [
        ["database", 3, undefined, undefined],
        ["Plan", 10, "enum", [["free", 22, undefined], ["team", 22, undefined]]],
        ["organization", 23, "table", [["id", 8, "integer"], ["plan", 8, "Plan"]]],
      ],
    );
  }));

test("semantic tokens tell declarations, types, enum values, attributes and functions apart", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/org.schema");
    const { data } = (await s.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: s.uri("schemas/org.schema") } }))!;
    const tokens = decoded(data);
    // Legend: namespace class interface enum enumMember property type variable decorator function; modifier 1 = declaration.
    assert.equal(tokens, [
      [4, 5, 4, 3, 1], // Plan
      [4, 12, 4, 4, 1], // free
      [4, 17, 4, 4, 1], // team
      [6, 6, 12, 1, 1], // organization
      [7, 2, 2, 5, 1], // id
      [7, 7, 7, 6, 0], // integer
      [7, 15, 3, 8, 0], // @id
      [8, 2, 4, 5, 1], // plan
      [8, 7, 4, 3, 0], // Plan
      [8, 15, 8, 8, 0], // @default
      [8, 24, 4, 4, 0], // free
    ]);
  }));

test("while a file does not parse, its outline and colours keep the declarations that parse on their own", () =>
  withSession(MODEL, async (s) => {
    const broken = ORG.replace("enum Plan { free team }", "enum Plan { free, team }");
    await s.open("schemas/org.schema", broken);
    await s.change("schemas/org.schema", broken);
    assert.is((await s.diagnosticsOf("schemas/org.schema", (d) => d.length > 0)).length, 1);
    const symbols = (await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: s.uri("schemas/org.schema") } })) as Array<{
      name: string;
      children?: Array<{ name: string; detail?: string }>;
    }>;
    assert.equal(
      symbols.map((d) => [d.name, d.children?.map((c) => [c.name, c.detail])]),
      [
        ["database", undefined],
        ["organization", [["id", "integer"], ["plan", "Plan"]]],
      ],
    );
    // The enum is left out: the type and the default that name it are colored by spelling, not as the enum.
    const { data } = (await s.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: s.uri("schemas/org.schema") } }))!;
    assert.equal(decoded(data), [
      [6, 6, 12, 1, 1], // organization
      [7, 2, 2, 5, 1], // id
      [7, 7, 7, 6, 0], // integer
      [7, 15, 3, 8, 0], // @id
      [8, 2, 4, 5, 1], // plan
      [8, 7, 4, 6, 0], // Plan, a type name the model does not know
      [8, 15, 8, 8, 0], // @default
    ]);
  }));

test("a diagnostic with a did-you-mean has a quick fix that writes the suggestion", () =>
  withSession({ ...MODEL, "schemas/user.schema": MODEL["schemas/user.schema"].replace("@references(organization.id", "@references(organizaton.id") }, async (s) => {
    const user = MODEL["schemas/user.schema"].replace("@references(organization.id", "@references(organizaton.id");
    const diagnostics: Diagnostic[] = await s.diagnosticsOf("schemas/user.schema", (d) => d.length > 0);
    const actions = await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: s.uri("schemas/user.schema") },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.equal(actions, [
      {
        title: 'Change to "organization"',
        kind: "quickfix",
        diagnostics: [diagnostics[0]],
        isPreferred: true,
        edit: { changes: { [s.uri("schemas/user.schema")]: [{ range: rangeOf(user, "organizaton"), newText: "organization" }] } },
      },
    ]);
    assert.equal(diagnostics[0].range.start, positionOf(user, "organizaton"));
  }));

test.run();
