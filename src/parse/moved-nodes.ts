import type { NameNode, Pos, QualifiedName } from "../../grammar/ast.js";

/**
 * Syntax nodes moved along their file by an edit above them (see
 * FileReparser): copies `by` characters further on. Only the few kinds of
 * node kept across compiles are moved; a whole tree is parsed again instead.
 */
export function movedPos(pos: Pos, by: number): Pos {
  return { startOffset: pos.startOffset + by, endOffset: pos.endOffset + by };
}

export function movedName(name: NameNode, by: number): NameNode {
  return { text: name.text, quoted: name.quoted, startOffset: name.startOffset + by, endOffset: name.endOffset + by };
}

export function movedQualifiedName(name: QualifiedName, by: number): QualifiedName {
  return { parts: name.parts.map((part) => movedName(part, by)), startOffset: name.startOffset + by, endOffset: name.endOffset + by };
}
