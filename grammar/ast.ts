/**
 * The syntax tree of one `.schema` file: what was written, with positions,
 * before any meaning is given to it. The model builder turns it into
 * MetaData; `fmt` prints it back; `printSchema` builds one from a model.
 */
/**
 * Where a node is: offsets of its first and last character. Every node is its
 * own position (the two fields are on it, not in an object of their own:
 * a schema of 10,000 tables has over a million nodes, and every object that
 * lives through a compile is one the garbage collector copies). Lines and
 * columns are looked up only for what is shown (LineIndex).
 */
export interface Pos {
  readonly startOffset: number;
  /** Offset of the last character. */
  readonly endOffset: number;
}

/** The position of synthesized nodes (printSchema): they are printed, never diagnosed. */
export const NO_POS: Pos = Object.freeze({ startOffset: 0, endOffset: 0 });

export interface NameNode extends Pos {
  readonly text: string;
  /** Written as `"..."`. */
  readonly quoted: boolean;
}

export interface QualifiedName extends Pos {
  readonly parts: readonly NameNode[];
}

export type Value =
  | NumberValue
  | StringValue
  /** A bare name or a dotted path: `member`, `cascade`, `audit.event.id`. */
  | PathValue
  /** `now()`, `sql("...")`, `b(sort: desc)`, `audit.other([x, y])`. */
  | CallValue
  | ListValue;

export interface NumberValue extends Pos {
  readonly kind: "number";
  readonly value: number;
  readonly raw: string;
}

export interface StringValue extends Pos {
  readonly kind: "string";
  readonly value: string;
  /** Written as a block string (`"""`), which fmt keeps. */
  readonly block?: true;
}

export interface PathValue extends Pos {
  readonly kind: "path";
  readonly parts: readonly NameNode[];
}

export interface CallValue extends Pos {
  readonly kind: "call";
  readonly callee: readonly NameNode[];
  readonly args: readonly Argument[];
}

export interface ListValue extends Pos {
  readonly kind: "list";
  readonly items: readonly Value[];
}

export interface Argument extends Pos {
  /** `name:` of a named argument. */
  readonly name?: NameNode;
  readonly value: Value;
}

/** `@name(...)` on a column or view, `@@name(...)` on a table. */
export interface Attribute extends Pos {
  readonly name: string;
  /** undefined when written without parentheses. */
  readonly args?: readonly Argument[];
}

export interface TypeArgNode extends Pos {
  readonly value: number | string;
}

export interface TypeNode extends Pos {
  readonly name: QualifiedName;
  readonly args: readonly TypeArgNode[];
  readonly unsigned: boolean;
  /** MySQL `zerofill`. */
  readonly zerofill: boolean;
  readonly arrayDims: number;
}

/** printSchema sets it to ask for a blank line; fmt reads blank lines from positions instead. */
interface Spaced extends Pos {
  readonly blankLineBefore?: boolean;
}

export interface ColumnNode extends Spaced {
  readonly kind: "column";
  readonly name: NameNode;
  readonly type: TypeNode;
  readonly nullable: boolean;
  readonly attributes: readonly Attribute[];
}

export interface TableAttributeNode extends Spaced {
  readonly kind: "tableAttribute";
  readonly attribute: Attribute;
}

export type TableMember = ColumnNode | TableAttributeNode;

export interface Assignment extends Pos {
  readonly key: NameNode;
  readonly value: Value;
}

/** Where a `{ ... }` body opens (the offset of its `{`): fmt keeps comments on that line there. */
interface Body extends Pos {
  readonly bodyOffset: number;
}

export interface DatabaseDecl extends Body {
  readonly kind: "database";
  readonly fields: readonly Assignment[];
}

export interface EnumDecl extends Body {
  readonly kind: "enum";
  readonly name: QualifiedName;
  readonly values: readonly NameNode[];
}

export interface TableDecl extends Body {
  readonly kind: "table";
  readonly name: QualifiedName;
  readonly members: readonly TableMember[];
}

/** `type point { x integer?  y integer? }`: a composite type, its attributes read like a table's columns. */
export interface CompositeTypeDecl extends Body {
  readonly kind: "type";
  readonly name: QualifiedName;
  readonly members: readonly TableMember[];
}

export interface ViewDecl extends Pos {
  readonly kind: "view";
  readonly materialized: boolean;
  readonly name: QualifiedName;
  readonly definition: Value;
  readonly attributes: readonly Attribute[];
}

export interface SequenceDecl extends Body {
  readonly kind: "sequence";
  readonly name: QualifiedName;
  readonly fields: readonly Assignment[];
}

/** `extension citext` or `extension "uuid-ossp" { schema = "ext"  version = "1.1" }`; no body reads as no fields. */
export interface ExtensionDecl extends Body {
  readonly kind: "extension";
  readonly name: QualifiedName;
  readonly fields: readonly Assignment[];
}

/** `function`, `procedure`, `aggregate`, `trigger` and `policy`: settings like a sequence's, given meaning by the model builder. */
export interface RoutineDecl extends Body {
  readonly kind: "function" | "procedure" | "aggregate" | "trigger" | "policy";
  readonly name: QualifiedName;
  readonly fields: readonly Assignment[];
}

/** `domain posint integer? @check(sql("VALUE > 0"), name: "posint_check") @default(1)`. */
export interface DomainDecl extends Pos {
  readonly kind: "domain";
  readonly name: QualifiedName;
  readonly type: TypeNode;
  readonly nullable: boolean;
  readonly attributes: readonly Attribute[];
}

/** `schema audit @comment("...")`: a namespace (PostgreSQL), which may hold nothing. */
export interface SchemaDecl extends Pos {
  readonly kind: "schema";
  readonly name: QualifiedName;
  readonly attributes: readonly Attribute[];
}

export type Declaration = DatabaseDecl | EnumDecl | TableDecl | CompositeTypeDecl | ViewDecl | SequenceDecl | ExtensionDecl | DomainDecl | RoutineDecl | SchemaDecl;

export interface Comment extends Pos {
  /** As written, with its comment markers. */
  readonly text: string;
}

export interface SchemaFile {
  readonly path: string;
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
}
