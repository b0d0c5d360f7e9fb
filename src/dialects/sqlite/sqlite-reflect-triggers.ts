import { Trigger, type TriggerEvent } from "../../model/index.js";
import { isKeyword, isName, isPunct, sourceText, tokenizeSql, type SqlToken } from "./sqlite-sql-tokens.js";

/**
 * A trigger from the `CREATE TRIGGER` text SQLite keeps: `[BEFORE | AFTER |
 * INSTEAD OF] event ON table [FOR EACH ROW] [WHEN expr] BEGIN ... END`. The
 * condition and the body are cut out of the original text unchanged;
 * `FOR EACH ROW` is kept only where it was written. Undefined for text that
 * does not read as a trigger.
 */
export function triggerFromSql(name: string, table: string, sql: string): Trigger | undefined {
  const tokens = tokenizeSql(sql);
  let i = tokens.findIndex((t) => isKeyword(t, "TRIGGER")) + 1;
  if (i === 0) return undefined;
  if (isKeyword(tokens[i], "IF") && isKeyword(tokens[i + 1], "NOT") && isKeyword(tokens[i + 2], "EXISTS")) i += 3;
  i++; // the name
  if (isPunct(tokens[i], ".")) i += 2;
  let timing: Trigger["timing"] = "before";
  if (isKeyword(tokens[i], "BEFORE", "AFTER")) timing = tokens[i++].value.toLowerCase() as "before" | "after";
  else if (isKeyword(tokens[i], "INSTEAD") && isKeyword(tokens[i + 1], "OF")) {
    timing = "insteadOf";
    i += 2;
  }
  if (!isKeyword(tokens[i], "DELETE", "INSERT", "UPDATE")) return undefined;
  const event = tokens[i++].value.toLowerCase() as TriggerEvent;
  const columns: string[] = [];
  if (event === "update" && isKeyword(tokens[i], "OF")) {
    for (i++; isName(tokens[i]); i += isPunct(tokens[i + 1], ",") ? 2 : 1) {
      columns.push(tokens[i].value);
      if (!isPunct(tokens[i + 1], ",")) {
        i++;
        break;
      }
    }
  }
  if (!isKeyword(tokens[i], "ON")) return undefined;
  i += isPunct(tokens[i + 2], ".") ? 4 : 2;
  let forEach: "row" | undefined;
  if (isKeyword(tokens[i], "FOR") && isKeyword(tokens[i + 1], "EACH") && isKeyword(tokens[i + 2], "ROW")) {
    forEach = "row";
    i += 3;
  }
  const begin = topLevelBegin(tokens, i);
  if (begin < 0) return undefined;
  const when = isKeyword(tokens[i], "WHEN") ? sourceText(sql, tokens, i + 1, begin) : undefined;
  const end = tokens.length - (isPunct(tokens[tokens.length - 1], ";") ? 1 : 0);
  const body = sourceText(sql, tokens, begin, end);
  return new Trigger({ name, table, timing, events: [event], columns: columns.length ? columns : undefined, forEach, when, body });
}

/** The BEGIN that opens the body: the first one outside parentheses. */
function topLevelBegin(tokens: readonly SqlToken[], from: number): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")")) depth--;
    else if (depth === 0 && isKeyword(tokens[i], "BEGIN")) return i;
  }
  return -1;
}
