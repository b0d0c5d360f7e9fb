import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { EOF } from "./chevrotain.js";
import { Name } from "./tokens.js";

/** What a rule stands for, when a syntax error can only say "expected one of these". */
const RULE_WORDS: Record<string, string> = {
  declaration: "a declaration (database, enum, table, type, view, materialized view, sequence, extension, domain, function, procedure, aggregate, trigger, policy or schema)",
  tableMember: "a column or a table attribute (@@name)",
  value: "a value (a string, a number, a name, a call like sql(\"...\") or a [list])",
  typeArgument: "a type parameter (a number or a string)",
  argument: "an argument",
};

/** Text quoted for a message; a long run (a 3,000-letter word) is cut, so one error stays one line. */
export function quoteText(text: string): string {
  const SHOWN = 40;
  return text.length <= SHOWN ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, SHOWN)).slice(0, -1)}…" (${text.length} characters)`;
}

export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "end of file";
  return quoteText(token.image);
}

function label(type: TokenType): string {
  return type.LABEL ?? type.name;
}

function oneOf(words: string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

/** Syntax errors in plain words: "expected '}' but found end of file". */
export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, ruleName }) =>
    expected === EOF
      ? `unexpected ${describeToken(actual)}: expected ${RULE_WORDS.declaration}`
      : `expected ${ruleName === "columnType" && expected === Name ? "a type" : label(expected)} but found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `unexpected ${describeToken(firstRedundant)}: expected ${RULE_WORDS.declaration}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, ruleName }) => {
    const expected = RULE_WORDS[ruleName] ?? oneOf(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => label(path[0]))));
    return `expected ${expected} but found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, ruleName }) => {
    const expected = RULE_WORDS[ruleName] ?? oneOf(expectedIterationPaths.map((path) => label(path[0])));
    return `expected at least one ${expected} but found ${describeToken(actual[0])}`;
  },
};
