import * as assert from "uvu/assert";
import type { MetaData } from "../../src/model/index.js";
import { AutogenContext, compareModels, MigrationContext, type AutogenOptions } from "../../src/compare/index.js";
import type { DiffEntry, UpgradeOps } from "../../src/ops/index.js";
import { compileSchema, formatDiagnostics } from "../../src/parse/index.js";

/** A model from `.schema` text (the `database` block is added when missing). */
export function schema(text: string, dialect = "postgresql"): MetaData {
  const source = text.includes("database {") ? text : `database { dialect = "${dialect}" url = "x" }\n${text}`;
  const result = compileSchema([{ path: "test.schema", text: source }], { env: {} });
  assert.ok(result.metadata, formatDiagnostics(result.diagnostics));
  return result.metadata!;
}

export function offlineContext(dialect = "postgresql", opts: AutogenOptions = {}): MigrationContext {
  return MigrationContext.configure({ dialect, opts });
}

/** Database model × target model → UpgradeOps, offline. */
export function compare(database: MetaData, target: MetaData, dialect = "postgresql", opts: AutogenOptions = {}): Promise<UpgradeOps> {
  const ctx = new AutogenContext(offlineContext(dialect, opts), target);
  return compareModels(ctx, database, target);
}

export async function diffs(database: MetaData, target: MetaData, dialect = "postgresql", opts: AutogenOptions = {}): Promise<DiffEntry[]> {
  return (await compare(database, target, dialect, opts)).asDiffs();
}

/**
 * A one-line summary of a diff entry: the kind and the names it touches
 * (`add_column user.email`), so ordering tests read as a list.
 */
export function summary(entry: DiffEntry): string {
  if (Array.isArray(entry[0])) return (entry as readonly DiffEntry[]).map(summary).join(" + ");
  const [kind, ...rest] = entry as readonly unknown[];
  const name = (v: unknown): string => {
    if (v === undefined || v === null) return "";
    if (typeof v === "string") return v;
    const o = v as { name?: string; table?: string; schema?: string; key?: string };
    if (o.table !== undefined) return [o.schema, o.table, o.name ?? "(unnamed)"].filter((x) => x !== undefined).join(".");
    return o.key ?? [o.schema, o.name].filter((x) => x !== undefined).join(".");
  };
  if (/^modify_/.test(kind as string) && rest.length === 6) {
    const [schema, table, column, , from, to] = rest;
    const show = (v: unknown) => (v === undefined ? "none" : typeof v === "object" ? JSON.stringify(v) : String(v));
    return `${kind} ${[schema, table, column].filter((x) => x !== undefined).join(".")} ${show(from)} -> ${show(to)}`;
  }
  if (kind === "add_column" || kind === "remove_column") {
    const [schema, table, column] = rest;
    return `${kind} ${[schema, table, name(column)].filter((x) => x !== undefined).join(".")}`;
  }
  return `${kind} ${rest.map(name).filter((x) => x !== "").join(" ")}`;
}
