import type { GenerateContext } from "./generate-context.js";

/**
 * sqlite-core and mysql-core index columns take no sort order, so a sorted
 * element becomes SQL around the column: `sql\`${t.createdAt} desc\``.
 */
export function orderedElement(
  ref: string,
  element: { order?: string; nulls?: string; length?: number },
  ctx: GenerateContext,
): string {
  const suffix = [
    element.length !== undefined ? `(${element.length})` : "",
    element.order ? ` ${element.order}` : "",
    element.nulls ? ` nulls ${element.nulls}` : "",
  ].join("");
  if (!suffix) return ref;
  return `${ctx.orm("sql")}\`\${${ref}}${suffix}\``;
}
