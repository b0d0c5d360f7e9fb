import * as assert from "uvu/assert";
import type { MetaData, Table } from "../../src/model/index.js";

/**
 * Compares two models field by field, the way comparison should see them:
 * `info` and `renamedFrom` are ignored, constraints and indexes are sets
 * (their order carries no meaning), columns and enum values are lists.
 * Returns one readable line per difference; empty when equal.
 */
export function modelDifferences(
  expected: MetaData,
  actual: MetaData,
  options: { ignoreDatabase?: boolean } = {},
): string[] {
  const out: string[] = [];
  const same = (where: string, a: unknown, b: unknown) => {
    const ca = canonical(a);
    const cb = canonical(b);
    if (ca !== cb) out.push(`${where}: expected ${ca} but got ${cb}`);
  };
  if (!options.ignoreDatabase) same("database", expected.database, actual.database);
  const collections = ["enums", "views", "sequences"] as const;
  for (const name of collections) {
    keysOf(expected[name], actual[name], name, out);
    for (const [key, obj] of expected[name]) if (actual[name].has(key)) same(`${name} "${key}"`, obj, actual[name].get(key));
  }
  keysOf(expected.tables, actual.tables, "tables", out);
  for (const [key, table] of expected.tables) {
    const other = actual.tables.get(key);
    if (other) tableDifferences(`table "${key}"`, table, other, same);
  }
  return out;
}

export function assertModelsEqual(expected: MetaData, actual: MetaData, options: { ignoreDatabase?: boolean } = {}): void {
  const differences = modelDifferences(expected, actual, options);
  assert.ok(differences.length === 0, `models differ:\n  ${differences.join("\n  ")}`);
}

function tableDifferences(where: string, a: Table, b: Table, same: (where: string, a: unknown, b: unknown) => void): void {
  same(`${where} columns`, a.columns.map((c) => c.name), b.columns.map((c) => c.name));
  for (const column of a.columns) {
    const other = b.column(column.name);
    if (other) same(`${where} column "${column.name}"`, column, other);
  }
  same(`${where} primary key`, a.primaryKey, b.primaryKey);
  for (const field of ["foreignKeys", "uniqueConstraints", "checkConstraints", "indexes"] as const) {
    same(`${where} ${field}`, asSet(a[field]), asSet(b[field]));
  }
  same(`${where} comment`, a.comment, b.comment);
  same(`${where} schema`, a.schema, b.schema);
}

function keysOf(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>, what: string, out: string[]): void {
  const missing = [...a.keys()].filter((k) => !b.has(k));
  const extra = [...b.keys()].filter((k) => !a.has(k));
  if (missing.length) out.push(`${what} missing: ${missing.join(", ")}`);
  if (extra.length) out.push(`${what} unexpected: ${extra.join(", ")}`);
}

function asSet(items: readonly unknown[]): string[] {
  return items.map(canonical).sort();
}

const IGNORED = new Set(["info", "renamedFrom"]);

/** Stable JSON: sorted keys, no undefined values, no ignored fields. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (IGNORED.has(key)) return undefined;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
    }
    return v;
  }) ?? "undefined";
}
