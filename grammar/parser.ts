import { CstParser, EOF, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
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

/**
 * The grammar of a `.schema` file, as a pure Chevrotain CST parser. It knows
 * nothing about types, attributes or dialects: attribute arguments are
 * generic values, checked by the model builder (src/parse/), so the grammar
 * stays small and every mistake past the syntax gets a precise message there.
 */
class SchemaParser extends CstParser {
  constructor() {
    super(ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: "full",
      errorMessageProvider: errorMessages,
    });
    this.performSelfAnalysis();
  }

  schema = this.RULE("schema", () => {
    // Loop until end of input (rather than until a non-declaration) so that a
    // stray token is reported and skipped by the declaration rule's recovery.
    this.MANY({ GATE: () => this.LA(1).tokenType !== EOF, DEF: () => this.SUBRULE(this.declaration) });
  });

  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.databaseBlock) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.viewDecl) },
      { ALT: () => this.SUBRULE(this.sequenceDecl) },
    ]);
  });

  databaseBlock = this.RULE("databaseBlock", () => {
    this.CONSUME(Database);
    this.SUBRULE(this.assignmentBlock);
  });

  sequenceDecl = this.RULE("sequenceDecl", () => {
    this.CONSUME(Sequence);
    this.SUBRULE(this.qualifiedName);
    this.SUBRULE(this.assignmentBlock);
  });

  assignmentBlock = this.RULE("assignmentBlock", () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.assignment));
    this.CONSUME(RCurly);
  });

  assignment = this.RULE("assignment", () => {
    this.CONSUME(Name);
    this.CONSUME(Equals);
    this.SUBRULE(this.value);
  });

  enumDecl = this.RULE("enumDecl", () => {
    this.CONSUME(Enum);
    this.SUBRULE(this.qualifiedName);
    this.CONSUME(LCurly);
    this.MANY(() => this.CONSUME(Name));
    this.CONSUME(RCurly);
  });

  tableDecl = this.RULE("tableDecl", () => {
    this.CONSUME(Table);
    this.SUBRULE(this.qualifiedName);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.tableMember));
    this.CONSUME(RCurly);
  });

  tableMember = this.RULE("tableMember", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.column) },
      { ALT: () => this.SUBRULE(this.tableAttribute) },
    ]);
  });

  column = this.RULE("column", () => {
    this.CONSUME(Name);
    this.SUBRULE(this.columnType);
    this.OPTION(() => this.CONSUME(Question));
    this.MANY(() => this.SUBRULE(this.attribute));
  });

  columnType = this.RULE("columnType", () => {
    // The type's name is consumed here (not through qualifiedName) so a missing one reads "expected a type".
    this.CONSUME(Name);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Name);
    });
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.SUBRULE(this.typeArgument);
      this.MANY2(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.typeArgument);
      });
      this.CONSUME(RParen);
    });
    // Columns are separated by line breaks only: `unsigned` on the next line
    // is the next column's name, not a modifier of this type.
    this.OPTION2({
      GATE: () => this.LA(1).startLine === this.LA(0).endLine,
      DEF: () => this.CONSUME(Unsigned),
    });
    this.MANY3(() => {
      this.CONSUME(LBracket);
      this.CONSUME(RBracket);
    });
  });

  typeArgument = this.RULE("typeArgument", () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(SingleQuotedString) },
    ]);
  });

  attribute = this.RULE("attribute", () => {
    this.CONSUME(AttrName);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  tableAttribute = this.RULE("tableAttribute", () => {
    this.CONSUME(TableAttrName);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  argumentList = this.RULE("argumentList", () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.argument);
      });
    });
    this.CONSUME(RParen);
  });

  argument = this.RULE("argument", () => {
    this.OPTION(() => {
      this.CONSUME(Name);
      this.CONSUME(Colon);
    });
    this.SUBRULE(this.value);
  });

  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.reference) },
    ]);
  });

  list = this.RULE("list", () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.value);
      });
    });
    this.CONSUME(RBracket);
  });

  /** A name, a dotted path, a string, or a call: `member`, `audit.event.id`, `"x"`, `sql("...")`, `b(sort: desc)`. */
  reference = this.RULE("reference", () => {
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  viewDecl = this.RULE("viewDecl", () => {
    this.OPTION(() => this.CONSUME(Materialized));
    this.CONSUME(View);
    this.SUBRULE(this.qualifiedName);
    this.CONSUME(Equals);
    this.SUBRULE(this.value);
    this.MANY(() => this.SUBRULE(this.attribute));
  });

  qualifiedName = this.RULE("qualifiedName", () => {
    this.CONSUME(Name);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Name);
    });
  });
}

/** One parser for the whole process: Chevrotain parsers are costly to build and cheap to reuse. */
const parser = new SchemaParser();

export interface ParseResult {
  readonly cst: CstNode;
  readonly errors: IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): ParseResult {
  parser.input = tokens;
  const cst = parser.schema();
  return { cst, errors: [...parser.errors] };
}
