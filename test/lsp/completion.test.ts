import { test } from "uvu";
import * as assert from "uvu/assert";
import { CompletionRequest, type CompletionItem, type CompletionList } from "vscode-languageserver-protocol/node";
import { COLUMN_ATTRIBUTES } from "../../src/parse/build-column.js";
import { TABLE_ATTRIBUTES } from "../../src/parse/build-table.js";
import { MODEL, positionOf } from "./fixture.js";
import { withSession, type LspSession } from "../support/lsp-session.js";

const ORG = MODEL["schemas/org.schema"];
const USER = MODEL["schemas/user.schema"];

async function complete(s: LspSession, path: string, text: string, needle: string, delta: number): Promise<CompletionItem[]> {
  const result = await s.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: s.uri(path) },
    position: positionOf(text, needle, 0, delta),
  });
  return Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

test("inside references and column lists: tables, then the columns of the table named", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const path = "schemas/user.schema";
    assert.equal(labels(await complete(s, path, USER, "@references(", 12)), ["organization", "user", "membership"]);
    assert.equal(labels(await complete(s, path, USER, "organization.id", 13)), ["id", "plan"]);
    assert.equal(labels(await complete(s, path, USER, "@@index([", 9)), ["id", "organization_id", "email"]);
    assert.equal(labels(await complete(s, path, USER, "@@id([", 6)), ["org_id", "user_id"]);
    assert.equal(labels(await complete(s, path, USER, "references: organization([", 26)), ["id", "plan"]);
    assert.equal(labels(await complete(s, "schemas/org.schema", ORG, "@default(free", 9)), ["free", "team"]);
  }));

test("named arguments of the attribute being written, and the values of referential actions", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const path = "schemas/user.schema";
    const named = await complete(s, path, USER, "organization.id, ", 17);
    // The named arguments @references takes, as the compiler lists them.
    assert.equal(labels(named), [...COLUMN_ATTRIBUTES.references.named]);
    assert.ok(labels(named).includes("onDelete"));
    assert.equal(named[0], { label: "onDelete", kind: 10, detail: "@references(table.column, onDelete: cascade)", insertText: "onDelete: " });
    assert.equal(labels(await complete(s, path, USER, "@@unique([email], ", 18)), [...TABLE_ATTRIBUTES.unique.named]);
    assert.equal(labels(await complete(s, path, USER, "onDelete: ", 10)), ["cascade", "restrict", "setNull", "setDefault", "noAction"]);
    // Inside the column list, columns; inside the first argument of @references, tables: no named arguments there.
    assert.equal(labels(await complete(s, path, USER, "@@unique([", 10)), ["id", "organization_id", "email"]);
  }));

test("attributes with their arguments, and types (portable, the dialect's own, enums) while the line does not parse", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const path = "schemas/user.schema";
    const typing = USER.replace("  email           varchar(255)\n", "  email           varchar(255) @ref\n  nickname \n");
    await s.open(path, USER);
    await s.change(path, typing);
    const attributes = await complete(s, path, typing, "@ref", 4);
    const references = attributes.find((i) => i.label === "@references")!;
    assert.equal(references, {
      label: "@references",
      kind: 10,
      detail: "@references(table.column, onDelete: cascade)",
      filterText: "@references",
      textEdit: { range: { start: positionOf(typing, "@ref"), end: positionOf(typing, "@ref", 0, 4) }, newText: "@references(${1:target})" },
      insertTextFormat: 2,
    });
    // Every attribute the compiler knows, in its order.
    assert.equal(labels(attributes), Object.keys(COLUMN_ATTRIBUTES).map((name) => `@${name}`));
    assert.ok(labels(attributes).includes("@renamedFrom"));
    const tableAttributes = await complete(s, path, USER, "@@index", 2);
    assert.equal(tableAttributes.find((i) => i.label === "@@index")?.textEdit, {
      range: { start: positionOf(USER, "@@index"), end: positionOf(USER, "@@index", 0, 2) },
      newText: "@@index([${1:columns}])",
    });

    const types = await complete(s, path, typing, "nickname ", 9);
    const names = labels(types);
    for (const expected of ["integer", "timestamptz", "varchar", "inet", "tsvector", "Plan"]) assert.ok(names.includes(expected), expected);
    assert.equal(types.find((i) => i.label === "inet")?.detail, "postgresql type");
    assert.equal(types.find((i) => i.label === "varchar"), {
      label: "varchar",
      kind: 25,
      detail: "portable type",
      documentation: "text of at most n characters: varchar(n); bare varchar has no limit",
      insertText: "varchar(${1:length})",
      insertTextFormat: 2,
    });
    assert.equal(types.find((i) => i.label === "Plan"), { label: "Plan", kind: 13, detail: "enum" });
  }));

test.run();
