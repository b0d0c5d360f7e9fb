import { EmbeddedActionsParser, EOF, type IOrAlt, type IRecognitionException, type IToken } from "chevrotain";
import type {
  Argument,
  Assignment,
  Attribute,
  ColumnNode,
  Declaration,
  NameNode,
  Pos,
  QualifiedName,
  TableMember,
  TypeArgNode,
  TypeNode,
  Value,
} from "../src/parse/ast.js";
import { unquoteSingle, unquoteString } from "../src/parse/string-literal.js";
import { errorMessages } from "./error-messages.js";
import {
  ALL_TOKENS,
  AttrName,
  Colon,
  Comma,
  Database,
  Dot,
  Enum,
  Equals,
  LBracket,
  LCurly,
  LParen,
  Materialized,
  Name,
  NumberLiteral,
  Question,
  RBracket,
  RCurly,
  RParen,
  Sequence,
  SingleQuotedString,
  StringLiteral,
  Table,
  TableAttrName,
  Unsigned,
  View,
} from "./tokens.js";

type Report = (offset: number, message: string) => void;

/**
 * The grammar of a `.schema` file, building the syntax tree as it parses
 * (Chevrotain embedded actions: no CST in between, which halves the memory
 * and time of a large schema). It knows nothing about types, attributes or
 * dialects: attribute arguments are generic values, checked by the model
 * builder (src/parse/), so the grammar stays small and every mistake past
 * the syntax gets a precise message there.
 *
 * With error recovery a rule may return undefined and a token may be a
 * virtual one: actions only store what sub-rules return, never look inside
 * it, so a broken file cannot crash the parser. The tree of a file with
 * syntax errors is discarded.
 */
class SchemaParser extends EmbeddedActionsParser {
  report: Report = () => {};
  /** The text being parsed: whether two tokens are on one line is read from it. */
  text = "";

  constructor(recoveryEnabled: boolean) {
    super(ALL_TOKENS, { recoveryEnabled, maxLookahead: 3, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  // Alternatives, and actions that keep nothing of their rule's call, are
  // built once and reused: a fresh closure per call is measurable garbage on
  // a 10,000-table schema.
  #declarationAlts?: IOrAlt<Declaration>[];
  #memberAlts?: IOrAlt<TableMember>[];
  #valueAlts?: IOrAlt<Value>[];
  #typeArgAlts?: IOrAlt<TypeArgNode>[];
  #question = () => this.CONSUME(Question);
  #materialized = () => this.CONSUME(Materialized);
  #argumentList = () => this.SUBRULE(this.argumentList);
  #argumentName = () => {
    const token = this.CONSUME(Name);
    this.CONSUME(Colon);
    return this.name(token);
  };

  schema = this.RULE("schema", (): Declaration[] => {
    const declarations: Declaration[] = [];
    // Loop until end of input (rather than until a non-declaration) so that a
    // stray token is reported and skipped by the declaration rule's recovery.
    this.MANY({
      GATE: () => this.LA(1).tokenType !== EOF,
      DEF: () => {
        declarations.push(this.SUBRULE(this.declaration));
      },
    });
    return declarations;
  });

  declaration = this.RULE("declaration", (): Declaration =>
    this.OR(
      (this.#declarationAlts ??= [
        { ALT: () => this.SUBRULE(this.databaseBlock) },
        { ALT: () => this.SUBRULE(this.enumDecl) },
        { ALT: () => this.SUBRULE(this.tableDecl) },
        { ALT: () => this.SUBRULE(this.viewDecl) },
        { ALT: () => this.SUBRULE(this.sequenceDecl) },
      ]),
    ),
  );

  databaseBlock = this.RULE("databaseBlock", (): Declaration => {
    const start = this.CONSUME(Database);
    const open = this.CONSUME(LCurly);
    const fields = this.SUBRULE(this.assignments);
    this.CONSUME(RCurly);
    return { kind: "database", fields, pos: this.span(start), bodyPos: tokenPos(open) };
  });

  sequenceDecl = this.RULE("sequenceDecl", (): Declaration => {
    const start = this.CONSUME(Sequence);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const fields = this.SUBRULE(this.assignments);
    this.CONSUME(RCurly);
    return { kind: "sequence", name, fields, pos: this.span(start), bodyPos: tokenPos(open) };
  });

  assignments = this.RULE("assignments", (): Assignment[] => {
    const fields: Assignment[] = [];
    this.MANY(() => {
      const key = this.CONSUME(Name);
      this.CONSUME(Equals);
      const value = this.SUBRULE(this.value);
      fields.push({ key: this.name(key), value, pos: this.span(key) });
    });
    return fields;
  });

  enumDecl = this.RULE("enumDecl", (): Declaration => {
    const start = this.CONSUME(Enum);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const values: NameNode[] = [];
    this.MANY(() => {
      values.push(this.name(this.CONSUME2(Name)));
    });
    this.CONSUME(RCurly);
    return { kind: "enum", name, values, pos: this.span(start), bodyPos: tokenPos(open) };
  });

  tableDecl = this.RULE("tableDecl", (): Declaration => {
    const start = this.CONSUME(Table);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const members: TableMember[] = [];
    this.MANY(() => {
      members.push(this.SUBRULE(this.tableMember));
    });
    this.CONSUME(RCurly);
    return { kind: "table", name, members, pos: this.span(start), bodyPos: tokenPos(open) };
  });

  tableMember = this.RULE("tableMember", (): TableMember =>
    this.OR(
      (this.#memberAlts ??= [
        { ALT: () => this.SUBRULE(this.column) },
        {
          ALT: () => {
            const start = this.LA(1);
            const attribute = this.SUBRULE(this.tableAttribute);
            return { kind: "tableAttribute", attribute, pos: this.span(start) };
          },
        },
      ]),
    ),
  );

  column = this.RULE("column", (): ColumnNode => {
    const start = this.CONSUME(Name);
    const type = this.SUBRULE(this.columnType);
    const nullable = this.OPTION(this.#question) !== undefined;
    const attributes: Attribute[] = (this.#columnAttributes = []);
    this.MANY(this.#columnAttribute);
    return { kind: "column", name: this.name(start), type, nullable, attributes, pos: this.span(start) };
  });

  // What a column's and a type's repetitions collect, so that their actions
  // are built once instead of once per column (neither rule can occur inside
  // itself, so one slot each is enough).
  #columnAttributes: Attribute[] = [];
  #columnAttribute = () => {
    this.#columnAttributes.push(this.SUBRULE(this.attribute));
  };
  #typeParts: NameNode[] = [];
  #typeArgs: TypeArgNode[] = [];
  #arrayDims = 0;
  #typeNamePart = () => {
    this.CONSUME(Dot);
    this.#typeParts.push(this.name(this.CONSUME2(Name)));
  };
  #typeArgList = () => {
    this.CONSUME(LParen);
    this.#typeArgs.push(this.SUBRULE(this.typeArgument));
    this.MANY2(this.#nextTypeArg);
    this.CONSUME(RParen);
  };
  #nextTypeArg = () => {
    this.CONSUME(Comma);
    this.#typeArgs.push(this.SUBRULE2(this.typeArgument));
  };
  #arrayDim = () => {
    this.CONSUME(LBracket);
    this.CONSUME(RBracket);
    this.#arrayDims++;
  };
  #unsignedOption?: { GATE: () => boolean; DEF: () => IToken };

  columnType = this.RULE("columnType", (): TypeNode => {
    // The type's name is consumed here (not through qualifiedName) so a missing one reads "expected a type".
    const first = this.CONSUME(Name);
    const parts = (this.#typeParts = [this.name(first)]);
    this.MANY(this.#typeNamePart);
    const name: QualifiedName = { parts, pos: tokenPos(first) };
    const args: TypeArgNode[] = (this.#typeArgs = []);
    this.OPTION(this.#typeArgList);
    // Columns are separated by line breaks only: `unsigned` on the next line
    // is the next column's name, not a modifier of this type.
    const unsigned =
      this.OPTION2(
        (this.#unsignedOption ??= {
          GATE: () => !lineBreakBetween(this.text, this.LA(0), this.LA(1)),
          DEF: () => this.CONSUME(Unsigned),
        }),
      ) !== undefined;
    this.#arrayDims = 0;
    this.MANY3(this.#arrayDim);
    const arrayDims = this.#arrayDims;
    return { name, args, unsigned, arrayDims, pos: tokenPos(first) };
  });

  typeArgument = this.RULE("typeArgument", (): TypeArgNode =>
    this.OR(
      (this.#typeArgAlts ??= [
        {
          ALT: () => {
            const t = this.CONSUME(NumberLiteral);
            return { value: Number(t.image), pos: tokenPos(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(StringLiteral);
            return { value: this.string(t), pos: tokenPos(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(SingleQuotedString);
            return { value: this.RECORDING_PHASE ? "" : unquoteSingle(t.image), pos: tokenPos(t) };
          },
        },
      ]),
    ),
  );

  attribute = this.RULE("attribute", (): Attribute => {
    const token = this.CONSUME(AttrName);
    return this.attributeRest(token, 1);
  });

  tableAttribute = this.RULE("tableAttribute", (): Attribute => {
    const token = this.CONSUME(TableAttrName);
    return this.attributeRest(token, 2);
  });

  private attributeRest(token: IToken, prefix: number): Attribute {
    const args = this.OPTION(this.#argumentList);
    const name = this.RECORDING_PHASE ? "" : token.image.slice(prefix);
    const pos = tokenPos(token);
    return args !== undefined ? { name, args, pos } : { name, pos };
  }

  argumentList = this.RULE("argumentList", (): Argument[] => {
    const args: Argument[] = [];
    this.CONSUME(LParen);
    this.OPTION(() => {
      args.push(this.SUBRULE(this.argument));
      this.MANY(() => {
        this.CONSUME(Comma);
        args.push(this.SUBRULE2(this.argument));
      });
    });
    this.CONSUME(RParen);
    return args;
  });

  argument = this.RULE("argument", (): Argument => {
    const start = this.LA(1);
    const name = this.OPTION(this.#argumentName);
    const value = this.SUBRULE(this.value);
    const pos = tokenPos(start);
    return name !== undefined ? { name, value, pos } : { value, pos };
  });

  value = this.RULE("value", (): Value =>
    this.OR(
      (this.#valueAlts ??= [
        {
          ALT: () => {
            const t = this.CONSUME(NumberLiteral);
            return { kind: "number", value: Number(t.image), raw: t.image, pos: tokenPos(t) };
          },
        },
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.SUBRULE(this.reference) },
      ]),
    ),
  );

  list = this.RULE("list", (): Value => {
    const start = this.CONSUME(LBracket);
    const items: Value[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.value));
      this.MANY(() => {
        this.CONSUME(Comma);
        items.push(this.SUBRULE2(this.value));
      });
    });
    this.CONSUME(RBracket);
    return { kind: "list", items, pos: tokenPos(start) };
  });

  /** A name, a dotted path, a string, or a call: `member`, `audit.event.id`, `"x"`, `sql("...")`, `b(sort: desc)`. */
  reference = this.RULE("reference", (): Value => {
    const first = this.CONSUME(Name);
    // The dotted parts are read before the argument list, whose values may hold references of their own.
    const names = (this.#referenceNames = [first]);
    this.MANY(this.#referenceNamePart);
    const args = this.OPTION(this.#argumentList);
    const pos = tokenPos(first);
    if (args !== undefined) return { kind: "call", callee: names.map(this.#toName), args, pos };
    // A lone double-quoted string is a string; as part of a path or a callee it is a quoted name.
    if (names.length === 1 && first.tokenType === StringLiteral) return { kind: "string", value: this.string(first), pos };
    return { kind: "path", parts: names.map(this.#toName), pos };
  });

  #referenceNames: IToken[] = [];
  #toName = (token: IToken) => this.name(token);
  #referenceNamePart = () => {
    this.CONSUME(Dot);
    this.#referenceNames.push(this.CONSUME2(Name));
  };

  viewDecl = this.RULE("viewDecl", (): Declaration => {
    const start = this.LA(1);
    const materialized = this.OPTION(this.#materialized) !== undefined;
    this.CONSUME(View);
    const name = this.SUBRULE(this.qualifiedName);
    this.CONSUME(Equals);
    const definition = this.SUBRULE(this.value);
    const attributes: Attribute[] = [];
    this.MANY(() => {
      attributes.push(this.SUBRULE(this.attribute));
    });
    return { kind: "view", materialized, name, definition, attributes, pos: this.span(start) };
  });

  qualifiedName = this.RULE("qualifiedName", (): QualifiedName => {
    const first = this.CONSUME(Name);
    const parts = [this.name(first)];
    this.MANY(() => {
      this.CONSUME(Dot);
      parts.push(this.name(this.CONSUME2(Name)));
    });
    return { parts, pos: tokenPos(first) };
  });

  /**
   * From `start` to the last token consumed (that token itself when it is the
   * only one). The grammar recording at startup and error recovery work with
   * tokens whose positions are -1 or NaN: a span of those would be discarded
   * anyway, and one NaN in a span would make V8 store the numbers of every
   * later span boxed, so such a span is just its first token.
   */
  private span(start: IToken): Pos {
    const end = this.LA(0);
    if (end === start || !(start.startOffset >= 0 && end.endOffset! >= 0)) return tokenPos(start);
    return { startOffset: start.startOffset, endOffset: end.endOffset! };
  }

  private name(token: IToken): NameNode {
    const quoted = token.tokenType === StringLiteral;
    return { text: quoted ? this.string(token) : token.image, quoted, pos: tokenPos(token) };
  }

  private string(token: IToken): string {
    if (this.RECORDING_PHASE) return "";
    const value = unquoteString(token.image);
    if (value !== undefined) return value;
    this.report(token.startOffset, "invalid escape in string: use \\\\, \\\", \\n, \\t, \\r or \\uXXXX");
    return token.image.slice(1, -1);
  }
}

/** A token has both fields of a position. */
function tokenPos(token: IToken): Pos {
  return token as Pos;
}

/** Whether a line ends between two tokens (error recovery's tokens have no offsets: then no). */
function lineBreakBetween(text: string, before: IToken, after: IToken): boolean {
  for (let i = before.endOffset! + 1; i < after.startOffset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Chevrotain parsers are costly to build and cheap to reuse. Recovery costs
 * an array per MANY and more per OPTION, so a file is first parsed without
 * it; only a file with a syntax error is parsed again, with recovery, to
 * report every error. The recovering parser is built at the first such file:
 * it has another hidden class (recovery adds a method to the instance), and
 * while only one exists Chevrotain's call sites stay monomorphic.
 */
const fastParser = new SchemaParser(false);
let recoveringParser: SchemaParser | undefined;

export interface ParseResult {
  /** Meaningful only when `errors` is empty. */
  readonly declarations: Declaration[];
  readonly errors: IRecognitionException[];
}

/** Parses the tokens of `text`; `report` hears of mistakes the grammar accepts (a bad escape in a string). */
export function parseTokens(tokens: IToken[], text: string, report: Report): ParseResult {
  // The fast parse's reports are held back: when it fails, the recovering parse makes them again.
  const held: [number, string][] = [];
  const fast = run(fastParser, tokens, text, (offset, message) => held.push([offset, message]));
  if (fast.errors.length === 0) {
    for (const [offset, message] of held) report(offset, message);
    return fast;
  }
  return run((recoveringParser ??= new SchemaParser(true)), tokens, text, report);
}

function run(parser: SchemaParser, tokens: IToken[], text: string, report: Report): ParseResult {
  parser.input = tokens;
  parser.text = text;
  parser.report = report;
  try {
    const declarations = parser.schema();
    return { declarations, errors: [...parser.errors] };
  } finally {
    // A shared parser must not keep the last file's tokens alive.
    parser.input = [];
    parser.text = "";
    parser.report = () => {};
  }
}
