import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";

/**
 * The tokens of the `.schema` language. Every token carries a `label` that
 * syntax errors print ("expected '}'"), so messages read as plain words.
 *
 * Keywords share the `Name` category with identifiers and quoted strings, so
 * `table`, `view` or `enum` still work as column or table names: the parser
 * asks for a `Name` wherever a name goes and for the keyword itself only where
 * a declaration starts (Chevrotain's token-categories recipe).
 */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });

/**
 * Blanks within a line and line breaks are separate tokens: Chevrotain copies
 * the text of every token that may hold a line break to count them, and
 * copying the indentation of each line is measurable garbage on a large
 * schema (a one-character line break costs nothing).
 */
export const Blank = createToken({ name: "Blank", pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const LineBreak = createToken({ name: "LineBreak", pattern: /\r\n?|\n/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: "comments",
  line_breaks: true,
});
/** Reported by the lexer wrapper; kept out of the parser's way. */
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  group: "unterminated",
  line_breaks: true,
});

export const TableAttrName = createToken({
  name: "TableAttrName",
  pattern: /@@[A-Za-z_][A-Za-z0-9_]*/,
  label: "a table attribute (@@name)",
});
export const AttrName = createToken({ name: "AttrName", pattern: /@[A-Za-z_][A-Za-z0-9_]*/, label: "an attribute (@name)" });

/**
 * A block string: `"""` ... `"""`, raw text that may span lines (SQL bodies).
 * Before StringLiteral, which would read its first two quotes as `""`.
 * Its indentation is read by unquoteBlock (string-literal.ts).
 */
export const BlockString = createToken({
  name: "BlockString",
  pattern: /"""[\s\S]*?"""/,
  categories: [Name],
  line_breaks: true,
  label: "a block string",
});
/** A block string the file ended inside: reported, then parsed as if it were closed. */
export const UnterminatedBlockString = createToken({
  name: "UnterminatedBlockString",
  pattern: /"""[\s\S]*/,
  categories: [BlockString, Name],
  line_breaks: true,
  label: "a block string",
});

/** A double-quoted string: a string literal, or a quoted name where a name goes. */
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  categories: [Name],
  label: "a string",
});
/** A string the line ended inside: reported, then parsed as if it were closed. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\.)*/,
  categories: [StringLiteral, Name],
  label: "a string",
});
/** Single-quoted strings appear in type arguments only: `set('a', 'b')`. */
export const SingleQuotedString = createToken({
  name: "SingleQuotedString",
  pattern: /'(?:[^'\r\n]|'')*'/,
  label: "a single-quoted string",
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  label: "a number",
});

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name],
  label: "a name",
});

/**
 * A keyword matches only as a whole word (`tables` is a name): the lookahead
 * replaces a `longer_alt`, which would make the lexer try Identifier after
 * every keyword and copy its text twice.
 */
function keyword(word: string): TokenType {
  return createToken({
    name: word[0].toUpperCase() + word.slice(1),
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
    categories: [Name],
    label: `"${word}"`,
  });
}

export const Database = keyword("database");
export const Enum = keyword("enum");
export const Table = keyword("table");
export const View = keyword("view");
export const Materialized = keyword("materialized");
export const Sequence = keyword("sequence");
export const Extension = keyword("extension");
export const Domain = keyword("domain");
export const Unsigned = keyword("unsigned");
export const Zerofill = keyword("zerofill");
export const Function = keyword("function");
export const Procedure = keyword("procedure");
export const Trigger = keyword("trigger");
export const Aggregate = keyword("aggregate");
export const Policy = keyword("policy");
export const Type = keyword("type");
export const Schema = keyword("schema");

const punctuation = (name: string, pattern: string) =>
  createToken({ name, pattern, label: `'${pattern}'` });

export const LCurly = punctuation("LCurly", "{");
export const RCurly = punctuation("RCurly", "}");
export const LParen = punctuation("LParen", "(");
export const RParen = punctuation("RParen", ")");
export const LBracket = punctuation("LBracket", "[");
export const RBracket = punctuation("RBracket", "]");
export const Comma = punctuation("Comma", ",");
export const Colon = punctuation("Colon", ":");
export const Equals = punctuation("Equals", "=");
export const Dot = punctuation("Dot", ".");
export const Question = punctuation("Question", "?");

/** Lexer order matters: keywords before Identifier, `@@` before `@`, closed strings before open ones. */
export const ALL_TOKENS: TokenType[] = [
  Blank,
  LineBreak,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  TableAttrName,
  AttrName,
  BlockString,
  UnterminatedBlockString,
  StringLiteral,
  UnterminatedString,
  SingleQuotedString,
  NumberLiteral,
  Database,
  Enum,
  Table,
  View,
  Materialized,
  Sequence,
  Extension,
  Domain,
  Unsigned,
  Zerofill,
  Function,
  Procedure,
  Trigger,
  Aggregate,
  Policy,
  Type,
  Schema,
  Identifier,
  Name,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Equals,
  Dot,
  Question,
];
