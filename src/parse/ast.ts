/**
 * The syntax tree of one `.schema` file: what was written, with positions,
 * before any meaning is given to it. The model builder turns it into
 * MetaData; `fmt` prints it back; `printSchema` builds one from a model.
 */
/**
 * Where a node is: offsets of its first and last character. Lines and
 * columns are looked up only for what is shown (LineIndex). A one-token node
 * uses its token as its position (a token has both fields), so none is
 * copied for each of a large schema's names; nodes inside a line point at
 * their first token, and only what `fmt` places by its extent (declarations,
 * table members, assignments) gets a span of its own.
 */
export interface Pos {
  readonly startOffset: number;
  /** Offset of the last character. */
  readonly endOffset: number;
}

/** The position of synthesized nodes (printSchema): they are printed, never diagnosed. */
export const NO_POS: Pos = Object.freeze({ startOffset: 0, endOffset: 0 });

export interface NameNode {
  readonly text: string;
  /** Written as `"..."`. */
  readonly quoted: boolean;
  readonly pos: Pos;
}

export interface QualifiedName {
  readonly parts: readonly NameNode[];
  readonly pos: Pos;
}

export type Value =
  | { readonly kind: "number"; readonly value: number; readonly raw: string; readonly pos: Pos }
  | { readonly kind: "string"; readonly value: string; readonly pos: Pos }
  /** A bare name or a dotted path: `member`, `cascade`, `audit.event.id`. */
  | { readonly kind: "path"; readonly parts: readonly NameNode[]; readonly pos: Pos }
  /** `now()`, `sql("...")`, `b(sort: desc)`, `audit.other([x, y])`. */
  | { readonly kind: "call"; readonly callee: readonly NameNode[]; readonly args: readonly Argument[]; readonly pos: Pos }
  | { readonly kind: "list"; readonly items: readonly Value[]; readonly pos: Pos };

export interface Argument {
  /** `name:` of a named argument. */
  readonly name?: NameNode;
  readonly value: Value;
  readonly pos: Pos;
}

/** `@name(...)` on a column or view, `@@name(...)` on a table. */
export interface Attribute {
  readonly name: string;
  /** undefined when written without parentheses. */
  readonly args?: readonly Argument[];
  readonly pos: Pos;
}

export interface TypeArgNode {
  readonly value: number | string;
  readonly pos: Pos;
}

export interface TypeNode {
  readonly name: QualifiedName;
  readonly args: readonly TypeArgNode[];
  readonly unsigned: boolean;
  readonly arrayDims: number;
  readonly pos: Pos;
}

/** printSchema sets it to ask for a blank line; fmt reads blank lines from positions instead. */
interface Spaced {
  readonly blankLineBefore?: boolean;
}

export interface ColumnNode extends Spaced {
  readonly kind: "column";
  readonly name: NameNode;
  readonly type: TypeNode;
  readonly nullable: boolean;
  readonly attributes: readonly Attribute[];
  readonly pos: Pos;
}

export interface TableAttributeNode extends Spaced {
  readonly kind: "tableAttribute";
  readonly attribute: Attribute;
  readonly pos: Pos;
}

export type TableMember = ColumnNode | TableAttributeNode;

export interface Assignment {
  readonly key: NameNode;
  readonly value: Value;
  readonly pos: Pos;
}

/** Where a `{ ... }` body opens: fmt keeps comments on that line there. */
interface Body {
  readonly bodyPos: Pos;
}

export interface DatabaseDecl extends Body {
  readonly kind: "database";
  readonly fields: readonly Assignment[];
  readonly pos: Pos;
}

export interface EnumDecl extends Body {
  readonly kind: "enum";
  readonly name: QualifiedName;
  readonly values: readonly NameNode[];
  readonly pos: Pos;
}

export interface TableDecl extends Body {
  readonly kind: "table";
  readonly name: QualifiedName;
  readonly members: readonly TableMember[];
  readonly pos: Pos;
}

export interface ViewDecl {
  readonly kind: "view";
  readonly materialized: boolean;
  readonly name: QualifiedName;
  readonly definition: Value;
  readonly attributes: readonly Attribute[];
  readonly pos: Pos;
}

export interface SequenceDecl extends Body {
  readonly kind: "sequence";
  readonly name: QualifiedName;
  readonly fields: readonly Assignment[];
  readonly pos: Pos;
}

export type Declaration = DatabaseDecl | EnumDecl | TableDecl | ViewDecl | SequenceDecl;

export interface Comment {
  /** As written, with its comment markers. */
  readonly text: string;
  readonly pos: Pos;
}

export interface SchemaFile {
  readonly path: string;
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
}
