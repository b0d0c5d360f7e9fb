/**
 * The few shapes of JavaScript that strata's renderers write into a migration
 * body, read back into a small syntax tree so statement-docs.ts can lay them
 * out the way Prettier would without Prettier parsing a whole file. Anything
 * outside these shapes (a user's renderer writing a template literal, an
 * arrow function, a quoted key, a block comment) makes `parseBody` return
 * undefined, and the caller hands the file to Prettier as it is.
 */

export type Expression =
  | { readonly type: "StringLiteral"; readonly raw: string }
  | { readonly type: "NumericLiteral"; readonly raw: string }
  | { readonly type: "BigIntLiteral"; readonly raw: string }
  | { readonly type: "BooleanLiteral"; readonly raw: string }
  | { readonly type: "NullLiteral" }
  | { readonly type: "Identifier"; readonly name: string }
  | { readonly type: "UnaryExpression"; readonly operator: "-"; readonly argument: Expression }
  | { readonly type: "MemberExpression"; readonly object: Expression; readonly property: string }
  | { readonly type: "CallExpression"; readonly callee: Expression; readonly args: readonly Expression[] }
  | { readonly type: "ArrayExpression"; readonly elements: readonly Expression[] }
  | { readonly type: "ObjectExpression"; readonly properties: readonly Property[] }
  | { readonly type: "AwaitExpression"; readonly argument: Expression };

export interface Property {
  readonly key: string;
  readonly value: Expression;
}

/** A body line as Prettier keeps it: a statement, a `//` comment, or a blank line between them. */
export type BodyItem =
  | { readonly type: "ExpressionStatement"; readonly expression: Expression }
  | { readonly type: "LineComment"; readonly text: string }
  | { readonly type: "BlankLine" };

interface Token {
  readonly kind: "word" | "number" | "string" | "punct" | "comment" | "newline";
  readonly text: string;
}

class Unsupported extends Error {}

const PUNCTUATION = "()[]{},.:;-";
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?n?/y;

function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36; // a-z A-Z _ $
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Words, numbers, quoted strings, punctuation, `//` comments and line breaks; anything else is not strata's. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const code = source.charCodeAt(at);
    const start = at;
    if (code === 10) {
      tokens.push({ kind: "newline", text: "\n" });
      at++;
    } else if (code === 32 || code === 9 || code === 13) {
      at++;
    } else if (isWordStart(code)) {
      do at++;
      while (at < source.length && (isWordStart(source.charCodeAt(at)) || isDigit(source.charCodeAt(at))));
      tokens.push({ kind: "word", text: source.slice(start, at) });
    } else if (isDigit(code)) {
      NUMBER.lastIndex = at;
      NUMBER.exec(source);
      at = NUMBER.lastIndex;
      tokens.push({ kind: "number", text: source.slice(start, at) });
    } else if (code === 34 || code === 39) {
      at = endOfString(source, at);
      tokens.push({ kind: "string", text: source.slice(start, at) });
    } else if (code === 47 && source.charCodeAt(at + 1) === 47) {
      const end = source.indexOf("\n", at);
      at = end < 0 ? source.length : end;
      tokens.push({ kind: "comment", text: source.slice(start, at) });
    } else if (PUNCTUATION.includes(source[at]!)) {
      tokens.push({ kind: "punct", text: source[at]! });
      at++;
    } else {
      throw new Unsupported();
    }
  }
  return tokens;
}

/** The offset just past the string that opens at `start`; a line break inside one is not strata's. */
function endOfString(source: string, start: number): number {
  const quote = source.charCodeAt(start);
  for (let at = start + 1; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === 92) {
      at++; // the escaped character, whatever it is
      if (source.charCodeAt(at) === 10 || source.charCodeAt(at) === 13) throw new Unsupported();
    } else if (code === quote) {
      return at + 1;
    } else if (code === 10 || code === 13) {
      throw new Unsupported();
    }
  }
  throw new Unsupported();
}

class Reader {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** The next token of a statement; a line break inside one is not a shape strata writes (Prettier would keep some). */
  next(): Token {
    const token = this.tokens[this.at++];
    if (!token || token.kind === "newline") throw new Unsupported();
    return token;
  }

  /** Line breaks before the next token, consumed. */
  newlines(): number {
    let count = 0;
    while (this.tokens[this.at]?.kind === "newline") {
      this.at++;
      count++;
    }
    return count;
  }

  done(): boolean {
    return this.peek() === undefined;
  }

  expect(text: string): void {
    if (this.next().text !== text) throw new Unsupported();
  }

  eat(text: string): boolean {
    if (this.peek()?.kind !== "punct" || this.peek()?.text !== text) return false;
    this.next();
    return true;
  }
}

/** The statements, comments and blank lines of a function body, or undefined when it holds anything else. */
export function parseBody(source: string): BodyItem[] | undefined {
  try {
    const reader = new Reader(tokenize(source));
    const items: BodyItem[] = [];
    reader.newlines();
    while (!reader.done()) {
      const token = reader.peek()!;
      if (token.kind === "comment") {
        reader.next();
        items.push({ type: "LineComment", text: token.text.trimEnd() });
      } else {
        const awaited = token.kind === "word" && token.text === "await";
        if (awaited) reader.next();
        const operand = readExpression(reader);
        reader.expect(";");
        items.push({ type: "ExpressionStatement", expression: awaited ? { type: "AwaitExpression", argument: operand } : operand });
      }
      const breaks = reader.newlines();
      // Something after a statement on its own line would be a trailing comment: not a shape strata writes.
      if (breaks === 0 && !reader.done()) return undefined;
      if (breaks > 1 && !reader.done()) items.push({ type: "BlankLine" });
    }
    return items;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function readExpression(reader: Reader): Expression {
  const token = reader.next();
  let expression: Expression;
  switch (token.kind) {
    case "string":
      expression = { type: "StringLiteral", raw: token.text };
      break;
    case "number":
      expression = token.text.endsWith("n") ? { type: "BigIntLiteral", raw: token.text } : { type: "NumericLiteral", raw: token.text };
      break;
    case "word":
      expression = readWord(reader, token.text);
      break;
    case "punct":
      expression = readBracketed(reader, token.text);
      break;
    default:
      throw new Unsupported();
  }
  return readTail(reader, expression);
}

function readWord(reader: Reader, word: string): Expression {
  switch (word) {
    case "true":
    case "false":
      return { type: "BooleanLiteral", raw: word };
    case "null":
      return { type: "NullLiteral" };
    // Words that start other kinds of expression (new, async arrows, typeof, ...) are not strata's shapes.
    case "await":
    case "new":
    case "async":
    case "function":
    case "typeof":
    case "void":
    case "delete":
    case "yield":
    case "class":
    case "this":
    case "super":
    case "import":
      throw new Unsupported();
    default:
      return { type: "Identifier", name: word };
  }
}

function readBracketed(reader: Reader, open: string): Expression {
  if (open === "-") {
    const argument = reader.next();
    if (argument.kind !== "number" || argument.text.endsWith("n")) throw new Unsupported();
    return { type: "UnaryExpression", operator: "-", argument: { type: "NumericLiteral", raw: argument.text } };
  }
  if (open === "[") return { type: "ArrayExpression", elements: readList(reader, "]", readExpression) };
  if (open === "{") return { type: "ObjectExpression", properties: readList(reader, "}", readProperty) };
  throw new Unsupported();
}

/** Member accesses and calls after an operand: `s.column(...)`, `op.createTable(...)`. */
function readTail(reader: Reader, operand: Expression): Expression {
  let expression = operand;
  for (;;) {
    if (reader.eat(".")) {
      const property = reader.next();
      if (property.kind !== "word") throw new Unsupported();
      expression = { type: "MemberExpression", object: expression, property: property.text };
    } else if (reader.eat("(")) {
      // Calls on calls (`f()()`, `a.b().c()`) take Prettier's member-chain rules: not strata's shapes.
      if (!isCallee(expression)) throw new Unsupported();
      expression = { type: "CallExpression", callee: expression, args: readList(reader, ")", readExpression) };
    } else {
      // A member read that is not called prints by other rules (Prettier may break before its dot).
      if (expression.type === "MemberExpression") throw new Unsupported();
      return expression;
    }
  }
}

function isCallee(expression: Expression): boolean {
  if (expression.type === "Identifier") return true;
  return expression.type === "MemberExpression" && isCallee(expression.object);
}

function readProperty(reader: Reader): Property {
  const key = reader.next();
  // Quoted and numeric keys follow Prettier's quoteProps rules, which look at the whole object: not strata's shapes.
  if (key.kind !== "word") throw new Unsupported();
  reader.expect(":");
  return { key: key.text, value: readExpression(reader) };
}

function readList<T>(reader: Reader, close: string, readItem: (reader: Reader) => T): T[] {
  const items: T[] = [];
  while (!reader.eat(close)) {
    items.push(readItem(reader));
    if (!reader.eat(",")) {
      reader.expect(close);
      break;
    }
  }
  return items;
}
