import type { Attribute, Pos, Value } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { describeValue, readName, readSql, readWord, sqlOf } from "./read-args.js";

/** A parent table named by a partition or an inheriting child, checked once every table is read. */
export interface PendingParent {
  readonly parent: ObjectName;
  readonly pos: Pos;
  readonly path: string;
}

const STRATEGIES = ["range", "list", "hash"] as const;

/**
 * `@@partitionBy(range, [sold_on, sql("lower(region)")])`: the key, kept as
 * PARTITION BY writes it (`RANGE (sold_on, (lower(region)))`). A column is
 * quoted where PostgreSQL would need it; an expression is written in
 * parentheses, which PARTITION BY wants around anything but a column.
 */
export function readPartitionBy(ctx: BuildContext, strategyValue: Value, keyValue: Value | undefined): string | undefined {
  const strategy = readWord(ctx, strategyValue, "partitioning strategy", STRATEGIES);
  if (strategy === undefined) return undefined;
  if (keyValue === undefined || keyValue.kind !== "list" || keyValue.items.length === 0) {
    const found = keyValue === undefined ? "nothing" : keyValue.kind === "list" ? "an empty list" : describeValue(keyValue);
    ctx.error(keyValue ?? strategyValue, `expected the partition key as a list of columns or sql("...") like [sold_on] but found ${found}`);
    return undefined;
  }
  const elements = keyValue.items.map((item) => {
    const sql = sqlOf(item);
    if (sql !== undefined) return `(${sql})`;
    const name = readName(ctx, item, 'a column or sql("...")');
    return name && quoteIdentifier(name.text);
  });
  if (!elements.every((e) => e !== undefined)) return undefined;
  return `${strategy.toUpperCase()} (${elements.join(", ")})`;
}

/** `default`, or `sql("FOR VALUES ...")`: a partition's bound as PARTITION OF writes it. */
export function readPartitionBound(ctx: BuildContext, value: Value): string | undefined {
  if (value.kind === "path" && value.parts.length === 1 && value.parts[0].text === "default" && !value.parts[0].quoted) return "DEFAULT";
  if (sqlOf(value) === undefined) {
    ctx.error(value, `expected the partition's bound, sql("FOR VALUES ...") or default, but found ${describeValue(value)}`);
    return undefined;
  }
  const bound = readSql(ctx, value)!.trim();
  if (!/^for\s+values\b/i.test(bound) && !/^default$/i.test(bound)) {
    ctx.error(value, `a partition's bound starts with FOR VALUES (FROM ... TO ..., IN (...), WITH (modulus ..., remainder ...)), or is default`);
    return undefined;
  }
  return bound;
}

/** A parent table: `orders` or `sales.orders`. */
export function readParent(ctx: BuildContext, value: Value): PendingParent | undefined {
  if (value.kind !== "path" && value.kind !== "string") {
    ctx.error(value, `expected a table name like orders or sales.orders but found ${describeValue(value)}`);
    return undefined;
  }
  const parts = value.kind === "string" ? [{ text: value.value, quoted: true, startOffset: value.startOffset, endOffset: value.endOffset }] : value.parts;
  const parent = ctx.objectName({ parts, startOffset: value.startOffset, endOffset: value.endOffset });
  return parent && { parent, pos: value, path: ctx.path };
}

/** `@@inherits(parent)` or `@@inherits([a, audit.b])`. */
export function readParents(ctx: BuildContext, attr: Attribute, value: Value): PendingParent[] | undefined {
  const items = value.kind === "list" ? value.items : [value];
  if (items.length === 0) {
    ctx.error(value, `expected the tables @@${attr.name} names, like [parent] but found an empty list`);
    return undefined;
  }
  const parents = items.map((item) => readParent(ctx, item));
  return parents.every((p) => p !== undefined) ? (parents as PendingParent[]) : undefined;
}

/** A column name as PostgreSQL writes it in SQL: bare when it is a lower-case identifier, else quoted. */
function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
