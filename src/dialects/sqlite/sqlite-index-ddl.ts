import { isKeyword, isName, isPunct, matchingParen, sourceText, splitTopLevel, tokenizeSql } from "./sqlite-sql-tokens.js";

/**
 * What a CREATE INDEX statement says that `pragma_index_xinfo` does not: the
 * SQL of expression elements and of the partial-index WHERE clause.
 */
export interface IndexDdl {
  /** In the order of `pragma_index_xinfo.seqno`. */
  readonly elements: readonly IndexElementDdl[];
  readonly where?: string;
}

export interface IndexElementDdl {
  /** The element as written, without a trailing ASC (the default order). */
  readonly text: string;
  /** Set when the element is a bare column name (quoted or not). */
  readonly column?: string;
}

export function parseCreateIndex(sql: string): IndexDdl {
  const tokens = tokenizeSql(sql);
  let open = tokens.findIndex((t) => isKeyword(t, "ON"));
  while (open >= 0 && open < tokens.length && !isPunct(tokens[open], "(")) open++;
  if (open < 0 || open >= tokens.length) return { elements: [] };
  const close = matchingParen(tokens, open);
  const elements = splitTopLevel(tokens, open + 1, close).map(([from, to]): IndexElementDdl => {
    const end = isKeyword(tokens[to - 1], "ASC") ? to - 1 : to;
    const text = sourceText(sql, tokens, from, end);
    return end === from + 1 && isName(tokens[from]) ? { text, column: tokens[from].value } : { text };
  });
  const where = isKeyword(tokens[close + 1], "WHERE")
    ? sourceText(sql, tokens, close + 2, tokens.length - (isPunct(tokens[tokens.length - 1], ";") ? 1 : 0))
    : undefined;
  return where === undefined ? { elements } : { elements, where };
}
