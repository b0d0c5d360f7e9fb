import type { IToken } from "chevrotain";
import { chevrotainSource, Lexer } from "../../grammar/chevrotain.js";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateSchema } from "../../bench/parse.js";
import { tokenize } from "../../grammar/lexer.js";
import { ALL_TOKENS, UnterminatedBlockString, UnterminatedString } from "../../grammar/tokens.js";
import { LineIndex } from "../../src/parse/line-index.js";
import { mutate } from "../support/mutate.js";
import { random } from "../support/random.js";

/**
 * The scanner in grammar/lexer.ts implements the token patterns of
 * grammar/tokens.ts by hand. Chevrotain's own lexer, built from those
 * patterns, is the oracle: on every test schema, on a generated large one,
 * on seeded mutants and on random strings of the characters where the
 * patterns are subtle, both must give the same tokens, comments and
 * problems, position for position. The scanner keeps offsets only; their
 * lines and columns through LineIndex must be the ones Chevrotain counted.
 */
const oracleLexer = new Lexer(ALL_TOKENS, { positionTracking: "full", ensureOptimizations: true });

interface Lexed {
  readonly tokens: string[];
  readonly comments: string[];
  readonly problems: { line: number; column: number; message: string }[];
}

function oracle(text: string): Lexed {
  const result = oracleLexer.tokenize(text);
  const problems = result.errors.map((e) => {
    const chars = text.slice(e.offset, e.offset + e.length);
    return { line: e.line!, column: e.column!, message: `unexpected ${e.length === 1 ? "character" : "characters"} ${JSON.stringify(chars)}` };
  });
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedString) problems.push({ line: t.startLine!, column: t.startColumn!, message: "unterminated string: add the closing '\"'" });
    if (t.tokenType === UnterminatedBlockString) problems.push({ line: t.startLine!, column: t.startColumn!, message: `unterminated block string: add the closing '"""'` });
  }
  for (const t of (result.groups.unterminated as IToken[] | undefined) ?? []) {
    problems.push({ line: t.startLine!, column: t.startColumn!, message: "unterminated block comment: add the closing '*/'" });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const comments = (result.groups.comments as IToken[] | undefined) ?? [];
  const shape = (t: IToken) => describe(t, t.startLine!, t.startColumn!, t.endLine!);
  return { tokens: result.tokens.map(shape), comments: comments.map(shape), problems };
}

function scanned(text: string): Lexed {
  const result = tokenize(text);
  const lines = new LineIndex(text);
  const shape = (t: IToken) => describe(t, lines.line(t.startOffset), lines.column(t.startOffset), lines.line(t.endOffset!));
  const problems = result.problems.map((p) => ({ line: lines.line(p.offset), column: lines.column(p.offset), message: p.message }));
  return { tokens: result.stream.tokens().map(shape), comments: result.comments.map(shape), problems };
}

function describe(t: IToken, line: number, column: number, endLine: number): string {
  return `${t.tokenType.name} ${JSON.stringify(t.image)} @${t.startOffset}-${t.endOffset} ${line}:${column}-${endLine}`;
}

function assertSameAsOracle(text: string, label: string): void {
  const got = scanned(text);
  const want = oracle(text);
  const context = `${label}\n--- input ---\n${JSON.stringify(text)}`;
  assert.equal(got.tokens, want.tokens, `tokens differ: ${context}`);
  assert.equal(got.comments, want.comments, `comments differ: ${context}`);
  assert.equal(got.problems, want.problems, `problems differ: ${context}`);
  // Every token has its type's index: that, not the type object, is what the parser matches on.
  for (const t of tokenize(text).stream.tokens()) assert.is(t.tokenTypeIdx, t.tokenType.tokenTypeIdx);
}

const SCHEMAS = [
  "schemas/app.schema",
  ...readdirSync("test/fixtures/schemas").map((f) => `test/fixtures/schemas/${f}`),
].map((path) => ({ path, text: readFileSync(path, "utf8") }));

test("Chevrotain is loaded from its single-file build (its package entry takes 0.4-0.9 s to load)", () => {
  assert.is(chevrotainSource, "bundle");
});

test("every test schema and a generated 200-table schema lex as Chevrotain's lexer lexes them", () => {
  for (const { path, text } of SCHEMAS) assertSameAsOracle(text, path);
  assertSameAsOracle(generateSchema(200), "generated");
});

test("the patterns' corners lex as Chevrotain's lexer lexes them", () => {
  const corners = [
    "", " ", "\t\t", "\r", "\r\n", "\n\r", "a\rb\r\nc\nd",
    '"a\\"', '"a\\"b"', '"a\\\nb"', '"a\\\u2028"', '"a\u2028b"', '"', '""', '"\\', '"x\r\n',
    "'a'", "'a''b'", "'ab''", "'ab'' \n'c'", "'a''b''c", "'", "''", "'''", "'a\nb'",
    "@", "@@", "@@1", "@1", "@a", "@@a", "@@@a", "@ a", "@@ a",
    "-", "-1", "- 1", "1.", "1.e5", "1.5e", "1e+", "1e+5", "1E-2x", "-0.5", "12abc", "1..2",
    "/", "/*/", "/**/", "/* a\r\n b */ x", "/* \r */y", "/* a\n", "/* a\n\n", "// x\r\ny", "//", "a/b",
    "table tables table_ view2 _view unsigned Unsigned materialized", "é", "é\né", "💥x", "a\u0000b", "\\", "a-b", "x#y$z",
    'table "a b" { "c" int @default("x\\u0041") }',
    '"""', '""""', '"""""', '""""""', '"""""""', '"""a"""b', '"""\n  x\n  """', '"""\r\n"\\"""', '"""\n', 'view v = """\n  select 1\n  """ @comment("x")',
  ];
  for (const text of corners) assertSameAsOracle(text, "corner");
});

const SEED = Number(process.env.STRATA_FUZZ_SEED ?? Date.now() % 1_000_000_007);

test(`random strings and mutated schemas lex as Chevrotain's lexer lexes them (seed ${SEED})`, () => {
  const rand = random(SEED);
  const alphabet = ["a", "Z", "_", "1", "0", "-", ".", "e", "E", "+", '"', '"""', "'", "\\", "/", "*", "@", " ", "\t", "\n", "\r", "{", "}", "(", ")", "é", "\u2028", "#", "table", "view"];
  for (let i = 0; i < 3000; i++) {
    const length = Math.floor(rand() * 24);
    let text = "";
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
    assertSameAsOracle(text, `random string ${i} (seed ${SEED})`);
  }
  for (let i = 0; i < 300; i++) {
    assertSameAsOracle(mutate(SCHEMAS[i % SCHEMAS.length].text, rand), `mutant ${i} (seed ${SEED})`);
  }
});

test.run();
