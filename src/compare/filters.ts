import type { NameFilterParentNames, NameFilterType } from "../dialects/reflect-options.js";
import type { AutogenContext } from "./autogen-context.js";

export function parentNames(schema: string | undefined, table?: string): NameFilterParentNames {
  if (table === undefined) return schema === undefined ? {} : { schemaName: schema };
  return {
    ...(schema !== undefined ? { schemaName: schema } : {}),
    tableName: table,
    schemaQualifiedTableName: schema ? `${schema}.${table}` : table,
  };
}

/**
 * The objects of one side that take part in the comparison: reflected ones
 * pass includeName and includeObject, target ones includeObject (as in the
 * reference, names are filtered on the database side only).
 */
export function included<T extends { readonly name?: string }>(
  ctx: AutogenContext,
  items: Iterable<T>,
  type: NameFilterType,
  reflected: boolean,
  parent: NameFilterParentNames,
  counterpart: (item: T) => T | undefined = () => undefined,
): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (reflected && !ctx.runNameFilters(item.name, type, parent)) continue;
    if (!ctx.runObjectFilters(item, item.name, type, reflected, counterpart(item))) continue;
    out.push(item);
  }
  return out;
}

/** Objects of a collection that live in `schema`, in name order (never in reflection order). */
export function inSchema<T extends { readonly name: string; readonly schema?: string }>(items: Iterable<T>, schema: string | undefined): T[] {
  return [...items].filter((i) => i.schema === schema).sort((a, b) => compareNames(a.name, b.name));
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
