import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { IGrammar } from "vscode-textmate";

// Both are CommonJS bundles whose exports Node cannot list for `import { ... }`.
const require = createRequire(import.meta.url);
const { INITIAL, parseRawGrammar, Registry } = require("vscode-textmate") as typeof import("vscode-textmate");
const { loadWASM, OnigScanner, OnigString } = require("vscode-oniguruma") as typeof import("vscode-oniguruma");

const root = fileURLToPath(new URL("../..", import.meta.url));
const extension = join(root, "editors/vscode");
const manifest = JSON.parse(readFileSync(join(extension, "package.json"), "utf8"));
const grammarPath = join(extension, manifest.contributes.grammars[0].path);

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new OnigScanner(sources), createOnigString: (text) => new OnigString(text) }),
    loadGrammar: async (scope) => (scope === "source.strata-schema" ? parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null),
  });
  return (await registry.loadGrammar("source.strata-schema"))!;
}

/** Each line as its tokens: the text (trimmed) and its innermost scope (without the language suffix); blanks left out. */
async function tokenize(text: string): Promise<Array<Array<[string, string]>>> {
  const grammar = await loadGrammar();
  let stack = INITIAL;
  return text.split("\n").map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens
      .map((t): [string, string] => [line.slice(t.startIndex, t.endIndex).trim(), t.scopes[t.scopes.length - 1].replace(/\.strata-schema$/, "")])
      .filter(([text]) => text !== "");
  });
}

test("the extension's manifest points at files that exist, for the language the server serves", () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.extensions, [".schema"]);
  assert.is(manifest.contributes.grammars[0].language, language.id);
  assert.equal(manifest.activationEvents, [`onLanguage:${language.id}`]);
  for (const file of [manifest.main, language.configuration, manifest.contributes.grammars[0].path]) {
    assert.ok(existsSync(join(extension, file)), file);
  }
  JSON.parse(readFileSync(join(extension, language.configuration), "utf8"));
  // The client starts the server the way `strata lsp --help` says editors do.
  assert.match(readFileSync(join(extension, manifest.main), "utf8"), 'args: ["lsp", "--stdio"]');
  assert.is(manifest.scripts.package.startsWith("vsce package"), true);
});

test("the TextMate grammar colours the example schema by what each word is", async () => {
  const lines = await tokenize(readFileSync(join(root, "schemas/app.schema"), "utf8"));
  assert.equal(lines[0], [["// The example schema: SQLite, the embedded default. Every *.schema file in", "comment.line.double-slash"]]);
  assert.equal(lines[2], [["database", "keyword.other.declaration"], ["{", "source"]]);
  assert.equal(lines[3], [["dialect", "variable.other.setting"], ["=", "keyword.operator.assignment"], ['"', "string.quoted.double"], ["sqlite", "string.quoted.double"], ['"', "string.quoted.double"]]);
  assert.equal(lines[7], [["table", "keyword.other.declaration"], ["organization", "entity.name.type"], ["{", "source"]]);
  assert.equal(lines[17], [
    ["organization_id", "variable.other.property.column"],
    ["integer", "support.type"],
    ["?", "keyword.operator.optional"],
    ["@references", "entity.other.attribute-name.column"],
    ["(organization.id,", "source"],
    ["onDelete", "variable.parameter"],
    [":", "punctuation.separator.key-value"],
    ["cascade,", "source"],
    ["name", "variable.parameter"],
    [":", "punctuation.separator.key-value"],
    ['"', "string.quoted.double"],
    ["fk_user_organization", "string.quoted.double"],
    ['"', "string.quoted.double"],
    [")", "source"],
  ]);
  assert.equal(lines[19], [
    ["balance", "variable.other.property.column"],
    ["decimal", "support.type"],
    ["(", "source"],
    ["10", "constant.numeric"],
    [",", "source"],
    ["2", "constant.numeric"],
    [")", "source"],
    ["@default", "entity.other.attribute-name.column"],
    ["(", "source"],
    ["0", "constant.numeric"],
    [")", "source"],
    ["@check", "entity.other.attribute-name.column"],
    ["(", "source"],
    ["sql", "entity.name.function"],
    ["(", "source"],
    ['"', "string.quoted.double"],
    ["balance >= 0", "string.quoted.double"],
    ['"', "string.quoted.double"],
    ["))", "source"],
  ]);
  assert.equal(lines[34], [
    ["/*", "comment.block"],
    ["A composite primary key, and a foreign key written as a table attribute.", "comment.block"],
    ["*/", "comment.block"],
  ]);
  assert.equal(lines[41][0], ["@@id", "entity.other.attribute-name.table"]);
  assert.equal(lines[46].slice(0, 4), [["view", "keyword.other.declaration"], ["active_users", "entity.name.type"], ["=", "source"], ["sql", "entity.name.function"]]);
});

test.run();
