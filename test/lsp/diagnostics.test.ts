import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DidChangeWatchedFilesNotification, FileChangeType } from "vscode-languageserver-protocol/node";
import { compileSchema } from "../../src/parse/index.js";
import { withSession } from "../support/lsp-session.js";

const ORG = `database {
  dialect = "postgresql"
}

table organization {
  id   integer     @id
  name varchar(50)
}
`;

const USER = `table user {
  id              integer @id
  organization_id integer? @references(organizaton.id)
  role            Rol
}
`;

const FIXED = `table user {
  id              integer @id
  organization_id integer? @references(organization.id)
}
`;

test("an unopened file gets the CLI's diagnostics, with exact ranges; fixing it clears them", () =>
  withSession({ "schemas/org.schema": ORG, "schemas/user.schema": USER }, async (s) => {
    const diagnostics = await s.diagnosticsOf("schemas/user.schema", (d) => d.length > 0);
    assert.equal(diagnostics, [
      {
        range: { start: { line: 2, character: 39 }, end: { line: 2, character: 50 } },
        severity: 1,
        source: "strata",
        message: 'unknown table "organizaton"; did you mean "organization"?',
      },
      {
        range: { start: { line: 3, character: 18 }, end: { line: 3, character: 21 } },
        severity: 1,
        source: "strata",
        message: 'unknown type "Rol"',
      },
    ]);
    // The same messages at the same places as the command line's compile of the folder.
    const cli = compileSchema(["org.schema", "user.schema"].map((f) => {
      const path = join(s.cwd, "schemas", f);
      return { path, text: readFileSync(path, "utf8") };
    }));
    assert.equal(
      cli.diagnostics.map((d) => [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1, d.message]),
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]),
    );
    assert.equal(await s.diagnosticsOf("schemas/org.schema"), []);

    await s.open("schemas/user.schema", USER);
    await s.change("schemas/user.schema", FIXED);
    assert.equal(await s.diagnosticsOf("schemas/user.schema"), []);
  }),
);

test("a syntax error is reported where the parser stops, and only syntax errors are", () =>
  withSession({ "schemas/org.schema": ORG, "schemas/user.schema": FIXED }, async (s) => {
    assert.equal(await s.diagnosticsOf("schemas/user.schema"), []);
    await s.open("schemas/org.schema", ORG);
    await s.change("schemas/org.schema", ORG.replace("name varchar(50)", "name varchar(50"));
    assert.equal(await s.diagnosticsOf("schemas/org.schema"), [
      {
        range: { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } },
        severity: 1,
        source: "strata",
        message: "expected ')' but found \"}\"",
      },
    ]);
    assert.equal(await s.diagnosticsOf("schemas/user.schema"), []);
  }),
);

test("a file created or deleted on disk joins or leaves the model, and its diagnostics follow", () =>
  withSession({ "schemas/org.schema": ORG }, async (s) => {
    await s.diagnosticsOf("schemas/org.schema");
    writeFileSync(join(s.cwd, "schemas/extra.schema"), "table extra {\n  id integr @id\n}\n");
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: s.uri("schemas/extra.schema"), type: FileChangeType.Created }],
    });
    assert.equal((await s.diagnosticsOf("schemas/extra.schema")).map((d) => d.message), ['unknown type "integr"; did you mean "integer"?']);
    rmSync(join(s.cwd, "schemas/extra.schema"));
    s.diagnostics.delete(s.uri("schemas/extra.schema"));
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: s.uri("schemas/extra.schema"), type: FileChangeType.Deleted }],
    });
    assert.equal(await s.diagnosticsOf("schemas/extra.schema"), []);
  }),
);

test("shutdown and exit end the server with code 0", () =>
  withSession({ "schemas/org.schema": ORG }, async (s) => {
    await s.diagnosticsOf("schemas/org.schema");
    assert.is(await s.stop(), 0);
  }),
);

test.run();
