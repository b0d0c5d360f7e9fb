import type { Attribute, ColumnNode, Pos, SchemaFile } from "../../grammar/ast.js";

/** What the cursor is on when it is not a name: a column's type, or an attribute's name. */
export type SyntaxAt =
  | { readonly kind: "type"; readonly column: ColumnNode; readonly table: string; readonly at: Pos }
  | { readonly kind: "attribute"; readonly attribute: Attribute; readonly onTable: boolean; readonly at: Pos };

export function syntaxAt(file: SchemaFile, text: string, offset: number, keyOf: (parts: ReadonlyArray<{ text: string }>) => string): SyntaxAt | undefined {
  const inside = (pos: Pos) => pos.startOffset <= offset && offset <= pos.endOffset;
  const attributeAt = (attribute: Attribute, onTable: boolean): SyntaxAt | undefined => {
    const prefix = text.startsWith("@@", attribute.startOffset) ? 2 : 1;
    const at = { startOffset: attribute.startOffset, endOffset: attribute.startOffset + prefix + attribute.name.length - 1 };
    return inside(at) ? { kind: "attribute", attribute, onTable, at } : undefined;
  };
  for (const decl of file.declarations) {
    if (!inside(decl)) continue;
    if (decl.kind === "view") return decl.attributes.map((a) => attributeAt(a, false)).find(Boolean);
    if (decl.kind !== "table") return undefined;
    for (const member of decl.members) {
      if (!inside(member)) continue;
      if (member.kind === "tableAttribute") return attributeAt(member.attribute, true);
      if (inside(member.type.name)) return { kind: "type", column: member, table: keyOf(decl.name.parts), at: member.type.name };
      return member.attributes.map((a) => attributeAt(a, false)).find(Boolean);
    }
  }
  return undefined;
}
