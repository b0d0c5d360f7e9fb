import type { IOrAlt, IRecognitionException, IToken, TokenType } from "chevrotain";
import { EmbeddedActionsParser, EOF } from "./chevrotain.js";
import type {
  Argument,
  Assignment,
  Attribute,
  ColumnNode,
  Declaration,
  NameNode,
  QualifiedName,
  RoutineDecl,
  TableMember,
  TypeArgNode,
  TypeNode,
  Value,
} from "./ast.js";
import { unquoteBlock, unquoteSingle, unquoteString } from "./string-literal.js";
import { errorMessages } from "./error-messages.js";
import type { TokenStream } from "./token-stream.js";
import {
  Aggregate,
  Policy,
  Type,
  Schema,
  ALL_TOKENS,
  AttrName,
  BlockString,
  Colon,
  Comma,
  Database,
  Domain,
  Dot,
  Enum,
  Equals,
  Extension,
  Function,
  LBracket,
  LCurly,
  LParen,
  Materialized,
  Name,
  NumberLiteral,
  Procedure,
  Question,
  RBracket,
  RCurly,
  RParen,
  Sequence,
  SingleQuotedString,
  StringLiteral,
  Table,
  TableAttrName,
  Trigger,
  Unsigned,
  Zerofill,
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

  constructor(readonly recovering: boolean) {
    super(ALL_TOKENS, { recoveryEnabled: recovering, maxLookahead: 3, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  /**
   * Chevrotain's hook for each syntax error (absent from its typings). Each
   * recovery may scan ahead to the end of the input for a token to resume
   * at, so recovering from every error of a garbage file is quadratic in
   * its size (minutes for a 200 KB line). The recovering parse stops after
   * MAX_SYNTAX_ERRORS: the first errors are the ones a user reads.
   */
  SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    const saved = (EmbeddedActionsParser.prototype as unknown as { SAVE_ERROR: (e: IRecognitionException) => IRecognitionException }).SAVE_ERROR.call(this, error);
    if (this.recovering && this.errors.length >= MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors([...this.errors]);
    return saved;
  }

  /** The items of the lists being parsed (see ListStack). */
  readonly lists = new ListStack();

  // Alternatives and repetitions are built once and reused: a fresh closure
  // per call is measurable garbage on a 10,000-table schema.
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
  #assignment = () => {
    const key = this.CONSUME(Name);
    this.CONSUME(Equals);
    const value = this.SUBRULE(this.value);
    this.lists.push({ key: this.name(key), value, startOffset: startOf(key), endOffset: this.endOfRule() } satisfies Assignment);
  };
  #enumValue = () => {
    this.lists.push(this.name(this.CONSUME2(Name)));
  };
  #tableMember = () => {
    this.lists.push(this.SUBRULE(this.tableMember));
  };
  /** A column's or a view's `@name(...)`. */
  #attribute = () => {
    this.lists.push(this.SUBRULE(this.attribute));
  };
  #nextNamePart = () => {
    this.CONSUME(Dot);
    this.lists.push(this.name(this.CONSUME2(Name)));
  };
  #typeArgList = () => {
    this.CONSUME(LParen);
    this.lists.push(this.SUBRULE(this.typeArgument));
    this.MANY2(this.#nextTypeArg);
    this.CONSUME(RParen);
  };
  #nextTypeArg = () => {
    this.CONSUME(Comma);
    this.lists.push(this.SUBRULE2(this.typeArgument));
  };
  #arrayDims = 0;
  #arrayDim = () => {
    this.CONSUME(LBracket);
    this.CONSUME(RBracket);
    this.#arrayDims++;
  };
  #unsignedOption?: { GATE: () => boolean; DEF: () => IToken };
  #zerofillOption?: { GATE: () => boolean; DEF: () => IToken };
  #arguments = () => {
    this.lists.push(this.SUBRULE(this.argument));
    this.MANY(this.#nextArgument);
  };
  #nextArgument = () => {
    this.CONSUME(Comma);
    this.lists.push(this.SUBRULE2(this.argument));
  };
  #items = () => {
    this.lists.push(this.SUBRULE(this.value));
    this.MANY(this.#nextItem);
  };
  #nextItem = () => {
    this.CONSUME(Comma);
    this.lists.push(this.SUBRULE2(this.value));
  };
  #referenceNamePart = () => {
    this.CONSUME(Dot);
    this.lists.push(this.CONSUME2(Name));
  };
  #toName = (token: IToken) => this.name(token);

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
        { ALT: () => this.SUBRULE(this.typeDecl) },
        { ALT: () => this.SUBRULE(this.viewDecl) },
        { ALT: () => this.SUBRULE(this.sequenceDecl) },
        { ALT: () => this.SUBRULE(this.extensionDecl) },
        { ALT: () => this.SUBRULE(this.domainDecl) },
        { ALT: () => this.SUBRULE(this.routineDecl) },
        { ALT: () => this.SUBRULE(this.schemaDecl) },
      ]),
    ),
  );

  databaseBlock = this.RULE("databaseBlock", (): Declaration => {
    const start = this.CONSUME(Database);
    const open = this.CONSUME(LCurly);
    const fields = this.SUBRULE(this.assignments);
    this.CONSUME(RCurly);
    return { kind: "database", fields, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: startOf(open) };
  });

  sequenceDecl = this.RULE("sequenceDecl", (): Declaration => {
    const start = this.CONSUME(Sequence);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const fields = this.SUBRULE(this.assignments);
    this.CONSUME(RCurly);
    return { kind: "sequence", name, fields, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: startOf(open) };
  });

  /** `schema audit`: a namespace, declared for itself (one that holds nothing is named by nothing else). */
  schemaDecl = this.RULE("schemaDecl", (): Declaration => {
    const start = this.CONSUME(Schema);
    const name = this.SUBRULE(this.qualifiedName);
    const base = this.lists.mark;
    this.MANY(this.#attribute);
    const attributes = this.lists.take<Attribute>(base);
    return { kind: "schema", name, attributes, startOffset: startOf(start), endOffset: this.endOfRule() };
  });

  /** `extension citext`, or with settings: `extension "uuid-ossp" { schema = "ext" }`. */
  extensionDecl = this.RULE("extensionDecl", (): Declaration => {
    const start = this.CONSUME(Extension);
    const name = this.SUBRULE(this.qualifiedName);
    let fields: readonly Assignment[] = [];
    let bodyOffset: number | undefined;
    this.OPTION(() => {
      bodyOffset = startOf(this.CONSUME(LCurly));
      fields = this.SUBRULE(this.assignments);
      this.CONSUME(RCurly);
    });
    return { kind: "extension", name, fields, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: bodyOffset ?? this.endOfRule() };
  });

  /** `domain posint integer? @check(sql("VALUE > 0"))`: a type read like a column's. */
  domainDecl = this.RULE("domainDecl", (): Declaration => {
    const start = this.CONSUME(Domain);
    const name = this.SUBRULE(this.qualifiedName);
    const type = this.SUBRULE(this.columnType);
    const nullable = this.OPTION(this.#question) !== undefined;
    const base = this.lists.mark;
    this.MANY(this.#attribute);
    const attributes = this.lists.take<Attribute>(base);
    return { kind: "domain", name, type, nullable, attributes, startOffset: startOf(start), endOffset: this.endOfRule() };
  });

  #routineKeywords?: IOrAlt<IToken>[];

  /** `function name { settings }`, `procedure ...`, `trigger ...`, `aggregate ...`, `policy ...`: named objects described by settings. */
  routineDecl = this.RULE("routineDecl", (): Declaration => {
    const start = this.OR(
      (this.#routineKeywords ??= [
        { ALT: () => this.CONSUME(Function) },
        { ALT: () => this.CONSUME(Procedure) },
        { ALT: () => this.CONSUME(Trigger) },
        { ALT: () => this.CONSUME(Aggregate) },
        { ALT: () => this.CONSUME(Policy) },
      ]),
    );
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const fields = this.SUBRULE(this.assignments);
    this.CONSUME(RCurly);
    const kinds = new Map<TokenType, RoutineDecl["kind"]>([[Procedure, "procedure"], [Trigger, "trigger"], [Aggregate, "aggregate"], [Policy, "policy"]]);
    const kind = kinds.get(start.tokenType) ?? "function";
    return { kind, name, fields, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: startOf(open) };
  });

  assignments = this.RULE("assignments", (): readonly Assignment[] => {
    const base = this.lists.mark;
    this.MANY(this.#assignment);
    return this.lists.take(base);
  });

  enumDecl = this.RULE("enumDecl", (): Declaration => {
    const start = this.CONSUME(Enum);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const base = this.lists.mark;
    this.MANY(this.#enumValue);
    const values = this.lists.take<NameNode>(base);
    this.CONSUME(RCurly);
    return { kind: "enum", name, values, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: startOf(open) };
  });

  tableDecl = this.RULE("tableDecl", (): Declaration => {
    const start = this.CONSUME(Table);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const base = this.lists.mark;
    this.MANY(this.#tableMember);
    const members = this.lists.take<TableMember>(base);
    this.CONSUME(RCurly);
    return { kind: "table", name, members, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: startOf(open) };
  });

  /** `type point { x integer?  y integer? }`: members as a table's (the compiler takes columns only). */
  typeDecl = this.RULE("typeDecl", (): Declaration => {
    const start = this.CONSUME(Type);
    const name = this.SUBRULE(this.qualifiedName);
    const open = this.CONSUME(LCurly);
    const base = this.lists.mark;
    this.MANY(this.#tableMember);
    const members = this.lists.take<TableMember>(base);
    this.CONSUME(RCurly);
    return { kind: "type", name, members, startOffset: startOf(start), endOffset: this.endOfRule(), bodyOffset: startOf(open) };
  });

  tableMember = this.RULE("tableMember", (): TableMember =>
    this.OR(
      (this.#memberAlts ??= [
        { ALT: () => this.SUBRULE(this.column) },
        {
          ALT: () => {
            const attribute = this.SUBRULE(this.tableAttribute);
            return { kind: "tableAttribute", attribute, startOffset: attribute?.startOffset, endOffset: attribute?.endOffset };
          },
        },
      ]),
    ),
  );

  column = this.RULE("column", (): ColumnNode => {
    const start = this.CONSUME(Name);
    const type = this.SUBRULE(this.columnType);
    const nullable = this.OPTION(this.#question) !== undefined;
    const base = this.lists.mark;
    this.MANY(this.#attribute);
    const attributes = this.lists.take<Attribute>(base);
    return { kind: "column", name: this.name(start), type, nullable, attributes, startOffset: startOf(start), endOffset: this.endOfRule() };
  });

  columnType = this.RULE("columnType", (): TypeNode => {
    // The type's name is consumed here (not through qualifiedName) so a missing one reads "expected a type".
    const first = this.CONSUME(Name);
    const base = this.lists.mark;
    this.lists.push(this.name(first));
    this.MANY(this.#nextNamePart);
    const name: QualifiedName = { parts: this.lists.take(base), startOffset: startOf(first), endOffset: this.endOfRule() };
    this.OPTION(this.#typeArgList);
    const args = this.lists.take<TypeArgNode>(base);
    // Columns are separated by line breaks only: `unsigned` on the next line
    // is the next column's name, not a modifier of this type.
    const unsigned =
      this.OPTION2(
        (this.#unsignedOption ??= {
          // The token type first: the text is read only when the next word is `unsigned`.
          GATE: () => this.LA(1).tokenType === Unsigned && !lineBreakBetween(this.text, this.LA(0), this.LA(1)),
          DEF: () => this.CONSUME(Unsigned),
        }),
      ) !== undefined;
    // MySQL `zerofill`, after `unsigned` as MySQL writes them, on the same line.
    const zerofill =
      this.OPTION3(
        (this.#zerofillOption ??= {
          GATE: () => this.LA(1).tokenType === Zerofill && !lineBreakBetween(this.text, this.LA(0), this.LA(1)),
          DEF: () => this.CONSUME(Zerofill),
        }),
      ) !== undefined;
    this.#arrayDims = 0;
    this.MANY3(this.#arrayDim);
    const arrayDims = this.#arrayDims;
    return { name, args, unsigned, zerofill, arrayDims, startOffset: startOf(first), endOffset: this.endOfRule() };
  });

  typeArgument = this.RULE("typeArgument", (): TypeArgNode =>
    this.OR(
      (this.#typeArgAlts ??= [
        {
          ALT: () => {
            const t = this.CONSUME(NumberLiteral);
            return { value: Number(t.image), startOffset: startOf(t), endOffset: endOf(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(StringLiteral);
            return { value: this.string(t), startOffset: startOf(t), endOffset: endOf(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(SingleQuotedString);
            return { value: this.RECORDING_PHASE ? "" : unquoteSingle(t.image), startOffset: startOf(t), endOffset: endOf(t) };
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
    const startOffset = startOf(token);
    const endOffset = this.endOfRule();
    return args !== undefined ? { name, args, startOffset, endOffset } : { name, startOffset, endOffset };
  }

  argumentList = this.RULE("argumentList", (): readonly Argument[] => {
    this.CONSUME(LParen);
    const base = this.lists.mark;
    this.OPTION(this.#arguments);
    const args = this.lists.take<Argument>(base);
    this.CONSUME(RParen);
    return args;
  });

  argument = this.RULE("argument", (): Argument => {
    const start = this.LA(1);
    const name = this.OPTION(this.#argumentName);
    const value = this.SUBRULE(this.value);
    const startOffset = startOf(start);
    const endOffset = this.endOfRule();
    return name !== undefined ? { name, value, startOffset, endOffset } : { value, startOffset, endOffset };
  });

  value = this.RULE("value", (): Value =>
    this.OR(
      (this.#valueAlts ??= [
        {
          ALT: () => {
            const t = this.CONSUME(NumberLiteral);
            return { kind: "number", value: Number(t.image), raw: t.image, startOffset: startOf(t), endOffset: endOf(t) };
          },
        },
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.SUBRULE(this.reference) },
      ]),
    ),
  );

  list = this.RULE("list", (): Value => {
    const start = this.CONSUME(LBracket);
    const base = this.lists.mark;
    this.OPTION(this.#items);
    const items = this.lists.take<Value>(base);
    this.CONSUME(RBracket);
    return { kind: "list", items, startOffset: startOf(start), endOffset: this.endOfRule() };
  });

  /** A name, a dotted path, a string, or a call: `member`, `audit.event.id`, `"x"`, `sql("...")`, `b(sort: desc)`. */
  reference = this.RULE("reference", (): Value => {
    const first = this.CONSUME(Name);
    // The dotted parts are taken before the argument list, whose values may hold references of their own.
    const base = this.lists.mark;
    this.lists.push(first);
    this.MANY(this.#referenceNamePart);
    const names = this.lists.take<IToken>(base);
    const args = this.OPTION(this.#argumentList);
    const startOffset = startOf(first);
    const endOffset = this.endOfRule();
    if (args !== undefined) return { kind: "call", callee: names.map(this.#toName), args, startOffset, endOffset };
    // A lone double-quoted string is a string; as part of a path or a callee it is a quoted name.
    if (names.length === 1 && first.tokenType === StringLiteral) return { kind: "string", value: this.string(first), startOffset, endOffset };
    if (names.length === 1 && isBlockString(first)) return { kind: "string", value: this.block(first), block: true, startOffset, endOffset };
    return { kind: "path", parts: names.map(this.#toName), startOffset, endOffset };
  });

  viewDecl = this.RULE("viewDecl", (): Declaration => {
    const start = this.LA(1);
    const materialized = this.OPTION(this.#materialized) !== undefined;
    this.CONSUME(View);
    const name = this.SUBRULE(this.qualifiedName);
    this.CONSUME(Equals);
    const definition = this.SUBRULE(this.value);
    const base = this.lists.mark;
    this.MANY(this.#attribute);
    const attributes = this.lists.take<Attribute>(base);
    return { kind: "view", materialized, name, definition, attributes, startOffset: startOf(start), endOffset: this.endOfRule() };
  });

  qualifiedName = this.RULE("qualifiedName", (): QualifiedName => {
    const first = this.CONSUME(Name);
    const base = this.lists.mark;
    this.lists.push(this.name(first));
    this.MANY(this.#nextNamePart);
    return { parts: this.lists.take(base), startOffset: startOf(first), endOffset: this.endOfRule() };
  });

  /** Where the rule being parsed ends: the end of the last token consumed. */
  private endOfRule(): number {
    return endOf(this.LA(0));
  }

  private name(token: IToken): NameNode {
    if (isBlockString(token) && !this.RECORDING_PHASE) this.report(token.startOffset, 'a block string (""") is a value, not a name');
    const quoted = token.tokenType === StringLiteral;
    return { text: quoted ? this.string(token) : token.image, quoted, startOffset: startOf(token), endOffset: endOf(token) };
  }

  private string(token: IToken): string {
    if (this.RECORDING_PHASE) return "";
    const value = unquoteString(token.image);
    if (value !== undefined) return value;
    this.report(token.startOffset, "invalid escape in string: use \\\\, \\\", \\n, \\t, \\r or \\uXXXX");
    return token.image.slice(1, -1);
  }

  private block(token: IToken): string {
    if (this.RECORDING_PHASE) return "";
    const read = unquoteBlock(token.image);
    if ("value" in read) return read.value;
    this.report(token.startOffset + read.offset, read.error);
    return "";
  }
}

/** A block string, closed or not (an unterminated one is reported by the lexer). */
function isBlockString(token: IToken): boolean {
  return token.tokenType === BlockString || token.tokenType.CATEGORIES?.includes(BlockString) === true;
}

/**
 * A token's offsets. The grammar recording at startup and error recovery
 * make tokens whose offsets are NaN: their nodes are discarded, but one NaN
 * stored in a node's field would make V8 keep that field of every later
 * node as a boxed number, so they read as -1.
 */
function startOf(token: IToken): number {
  const offset = token.startOffset;
  return offset >= 0 ? offset : -1;
}

function endOf(token: IToken): number {
  const offset = token.endOffset!;
  return offset >= 0 ? offset : -1;
}

/** What a rule with nothing to collect holds: one shared frozen array, not one per column. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The items of every list being parsed, the innermost list's last. A rule
 * notes the mark where its items start, its repetitions push, and it takes
 * its items off as an array of their exact size when it ends: an array grown
 * by push keeps room for 16, and a large schema has a list in almost every
 * line. With nothing pushed a rule gets the one shared empty array.
 */
class ListStack {
  readonly #items: unknown[] = [];
  #top = 0;

  get mark(): number {
    return this.#top;
  }

  push(item: unknown): void {
    this.#items[this.#top++] = item;
  }

  take<T>(mark: number): readonly T[] {
    const top = this.#top;
    if (top === mark) return NONE;
    const items = this.#items.slice(mark, top) as T[];
    // Taken slots are cleared, so they keep no tree alive; the array keeps its size.
    for (let i = mark; i < top; i++) this.#items[i] = undefined;
    this.#top = mark;
    return items;
  }

  clear(): void {
    this.#items.length = 0;
    this.#top = 0;
  }
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
 * Chevrotain parsers are costly to build and cheap to reuse. A file is first
 * parsed a declaration at a time (see declarationStarts) without error
 * recovery, which costs an array per MANY and more per OPTION. Only when
 * that fails is the file parsed whole: without recovery (a stretch may have
 * been cut wrongly), then with it, to report every error. The recovering
 * parser is built at the first such file: it has another hidden class
 * (recovery adds a method to the instance), and while only one exists
 * Chevrotain's call sites stay monomorphic. The fast parser too is built at
 * the first parse: a command that loads the package and parses nothing
 * (an upgrade whose migrations import "strata") skips Chevrotain's grammar
 * analysis, half of what loading the grammar costs.
 */
let fastParser: SchemaParser | undefined;

/** How many syntax errors of one file the recovering parse reports before it stops. */
export const MAX_SYNTAX_ERRORS = 50;

/** Thrown through Chevrotain (it rethrows what is not a recognition error) to end a recovering parse. */
class TooManySyntaxErrors extends Error {
  constructor(readonly errors: IRecognitionException[]) {
    super(`more than ${MAX_SYNTAX_ERRORS} syntax errors`);
  }
}
let recoveringParser: SchemaParser | undefined;

function fast(): SchemaParser {
  return (fastParser ??= new SchemaParser(false));
}

export interface ParseResult {
  /** Meaningful only when `errors` is empty. */
  readonly declarations: Declaration[];
  readonly errors: IRecognitionException[];
  /** The parse stopped at MAX_SYNTAX_ERRORS: the rest of the file was not checked. */
  readonly stoppedEarly?: boolean;
}

/**
 * Parses a whole file's tokens; `report` hears of mistakes the grammar
 * accepts (a bad escape in a string). Declaration by declaration first;
 * when a stretch fails, the whole file without recovery (the cut may have
 * been wrong), then with recovery, to report every error.
 */
export function parseTokens(stream: TokenStream, report: Report): ParseResult {
  const stretches = declarationStretches(stream);
  const declarations: Declaration[] = [];
  for (const stretch of stretches) {
    const declaration = parseStretch(stream, stretch);
    if (!declaration) break;
    declarations.push(declaration);
  }
  if (declarations.length === stretches.length) return { declarations, errors: [] };
  // Reports of a parse that fails are dropped: the recovering parse makes them again.
  const held: [number, string][] = [];
  const tokens = stream.tokens();
  const whole = run(fast(), tokens, stream.text, (offset, message) => held.push([offset, message]), (parser) => parser.schema());
  if (whole.errors.length === 0) {
    for (const [offset, message] of held) report(offset, message);
    return { declarations: whole.result, errors: [] };
  }
  const recovering = (recoveringParser ??= new SchemaParser(true));
  try {
    const recovered = run(recovering, tokens, stream.text, report, (parser) => parser.schema());
    return { declarations: recovered.result, errors: recovered.errors };
  } catch (error) {
    if (!(error instanceof TooManySyntaxErrors)) throw error;
    return { declarations: [], errors: error.errors, stoppedEarly: true };
  }
}

/** The tokens of one declaration: from `from` up to (not including) `to`. */
export interface Stretch {
  readonly from: number;
  readonly to: number;
}

/**
 * Parses one stretch as one declaration, without error recovery. Undefined
 * when it does not parse or the parse had something to report (a bad
 * escape): parsing the whole file (parseTokens) then says what and where.
 */
export function parseStretch(stream: TokenStream, stretch: Stretch): Declaration | undefined {
  let reported = false;
  const tokens = stream.tokens(stretch.from, stretch.to);
  // As the rule a parse starts with, `declaration` must consume every token it is given.
  const parsed = run(fast(), tokens, stream.text, () => (reported = true), (parser) => parser.declaration());
  return parsed.errors.length || reported ? undefined : parsed.result;
}

/**
 * Where declarations start: a declaration keyword outside any brackets,
 * unless it is a name: after `.` or `=`, or right after another declaration
 * keyword (`table view {`, and `view` after `materialized`). A keyword
 * used as a name elsewhere at the top level (a view defined as the bare
 * word `table`, then a table) leaves a declaration's stretch holding the
 * next one too; that stretch fails to parse and the file is parsed whole,
 * so a wrong cut costs time, never a wrong tree.
 */
export function declarationStretches(stream: TokenStream): Stretch[] {
  const starts: number[] = [];
  let depth = 0;
  let previous: TokenType | undefined;
  for (let i = 0; i < stream.length; i++) {
    const type = stream.type(i);
    if (type === LCurly || type === LParen || type === LBracket) depth++;
    else if (type === RCurly || type === RParen || type === RBracket) depth--;
    else if (
      depth === 0 &&
      DECLARATION_KEYWORDS.has(type) &&
      previous !== Dot &&
      previous !== Equals &&
      !(previous !== undefined && DECLARATION_KEYWORDS.has(previous))
    ) {
      starts.push(i);
    }
    if (i === 0 && starts.length === 0) starts.push(0);
    previous = type;
  }
  return starts.map((from, k) => ({ from, to: starts[k + 1] ?? stream.length }));
}

/** Whether a stretch is a table declaration: the model is built a table at a time. */
export function isTableStretch(stream: TokenStream, stretch: Stretch): boolean {
  return stream.type(stretch.from) === Table;
}

const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set([Database, Enum, Table, View, Materialized, Sequence, Extension, Domain, Function, Procedure, Trigger, Aggregate, Policy, Type, Schema]);

function run<T>(
  parser: SchemaParser,
  tokens: IToken[],
  text: string,
  report: Report,
  rule: (parser: SchemaParser) => T,
): { result: T; errors: IRecognitionException[] } {
  parser.input = tokens;
  parser.text = text;
  parser.report = report;
  // Error recovery may leave a rule's items behind.
  parser.lists.clear();
  try {
    const result = rule(parser);
    return { result, errors: parser.errors };
  } finally {
    // A shared parser must not keep the last file's tokens alive.
    parser.input = [];
    parser.text = "";
    parser.report = () => {};
  }
}
