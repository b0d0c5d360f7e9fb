import type { Pos, SchemaFile } from "../../grammar/ast.js";

/**
 * The comment that documents a declaration or column: the comments on the
 * lines right above it (each on a line of its own), and one after it on its
 * line. Markers are taken off; undefined when there is none.
 */
export function docComment(file: SchemaFile, text: string, node: Pos): string | undefined {
  const above: string[] = [];
  let limit = lineStart(text, node.startOffset);
  for (let i = file.comments.length - 1; i >= 0; i--) {
    const comment = file.comments[i];
    if (comment.endOffset >= node.startOffset) continue;
    const between = text.slice(comment.endOffset + 1, limit);
    const ownLine = text.slice(lineStart(text, comment.startOffset), comment.startOffset).trim() === "";
    if (!ownLine || between.trim() !== "" || lineBreaks(between) > 1) break;
    above.unshift(stripMarkers(comment.text));
    limit = lineStart(text, comment.startOffset);
  }
  const lineEnd = text.indexOf("\n", node.endOffset);
  const after = file.comments.find(
    (c) => c.startOffset > node.endOffset && (lineEnd < 0 || c.startOffset < lineEnd) && text.slice(node.endOffset + 1, c.startOffset).trim() === "",
  );
  const parts = [...above, ...(after ? [stripMarkers(after.text)] : [])].filter((p) => p !== "");
  return parts.length ? parts.join("\n") : undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineBreaks(text: string): number {
  return text.split("\n").length - 1;
}

function stripMarkers(comment: string): string {
  if (comment.startsWith("//")) return comment.replace(/^\/+/, "").trim();
  return comment
    .slice(2, -2)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*?\s?/, "").trimEnd())
    .join("\n")
    .trim();
}
