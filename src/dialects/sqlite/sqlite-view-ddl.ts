import { isKeyword, isPunct, matchingParen, sourceText, tokenizeSql } from "./sqlite-sql-tokens.js";

/**
 * The SELECT of `CREATE VIEW name [(columns)] AS select`, as written. A view's
 * column list is skipped: the model keeps only the query.
 */
export function viewDefinition(sql: string): string {
  const tokens = tokenizeSql(sql);
  let i = tokens.findIndex((t) => isKeyword(t, "VIEW")) + 1;
  if (isKeyword(tokens[i], "IF") && isKeyword(tokens[i + 1], "NOT") && isKeyword(tokens[i + 2], "EXISTS")) i += 3;
  i++; // the name
  if (isPunct(tokens[i], ".")) i += 2;
  if (isPunct(tokens[i], "(")) i = matchingParen(tokens, i) + 1;
  if (isKeyword(tokens[i], "AS")) i++;
  const end = tokens.length - (isPunct(tokens[tokens.length - 1], ";") ? 1 : 0);
  return sourceText(sql, tokens, i, end);
}
