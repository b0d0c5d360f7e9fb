import { dialectForUrl, dialectNamed, DIALECTS } from "../dialects/registry.js";
import type { Dialect } from "../dialects/dialect.js";
import type { DatabaseConfig } from "../model/index.js";
import type { Assignment, DatabaseDecl, Pos, Value } from "../../grammar/ast.js";
import type { DiagnosticBag } from "./diagnostic.js";
import { describeValue, listWords } from "./read-args.js";
import { didYouMean } from "./suggest.js";

export interface Settings {
  readonly database: DatabaseConfig;
  /** undefined when the schema names a dialect the registry does not know (already reported). */
  readonly dialect: Dialect | undefined;
}

/**
 * The `database { ... }` block: at most one across all files. A missing
 * environment variable is not an error here; only connecting needs the URL.
 *
 * A schema that names no dialect is portable: it is compiled for
 * `portableDialect` (the dialect of the URL it will meet), else for the
 * dialect of the block's own URL, else for SQLite (`file:./dev.db`).
 */
export function readSettings(
  blocks: ReadonlyArray<{ readonly path: string; readonly decl: DatabaseDecl }>,
  bag: DiagnosticBag,
  env: Readonly<Record<string, string | undefined>>,
  portableDialect?: string,
): Settings {
  for (const extra of blocks.slice(1)) {
    bag.report(extra.path, extra.decl.startOffset, "duplicate database block: a schema has one");
  }
  const first = blocks[0];
  if (!first) return portable(portableDialect ?? "sqlite", {});
  const error = (at: Pos, message: string) => bag.report(first.path, at.startOffset, message, at.endOffset + 1);
  const fields = new Map<string, Assignment>();
  for (const field of first.decl.fields) {
    const key = field.key.text;
    if (key !== "dialect" && key !== "url") error(field.key, `unknown database setting "${key}"${didYouMean(key, ["dialect", "url"])}`);
    else if (fields.has(key)) error(field.key, `duplicate database setting "${key}"`);
    else fields.set(key, field);
  }
  const urlField = fields.get("url");
  const url = urlField ? readUrl(urlField.value, env, error) : {};
  const dialectField = fields.get("dialect");
  if (!dialectField) {
    const ownUrlDialect = url.url === undefined ? undefined : dialectForUrl(url.url)?.name;
    return portable(portableDialect ?? ownUrlDialect ?? "sqlite", url);
  }
  const v = dialectField.value;
  if (v.kind !== "string") {
    error(v, `expected the dialect as a string like "postgresql" but found ${describeValue(v)}`);
    return { database: { dialect: "sqlite", ...url }, dialect: undefined };
  }
  const dialect = dialectNamed(v.value);
  if (!dialect) {
    const names = DIALECTS.map((d) => d.name);
    const hint = didYouMean(v.value, names) || `; expected ${listWords(names.map((n) => `"${n}"`))}`;
    error(v, `unknown dialect "${v.value}"${hint}`);
  }
  return { database: { dialect: v.value, ...url }, dialect };
}

function portable(dialectName: string, url: { url?: string; urlEnv?: string }): Settings {
  return { database: { dialect: dialectName, portable: true, ...url }, dialect: dialectNamed(dialectName) };
}

function readUrl(
  v: Value,
  env: Readonly<Record<string, string | undefined>>,
  error: (at: Pos, message: string) => void,
): { url?: string; urlEnv?: string } {
  if (v.kind === "string") return { url: v.value };
  const [arg] = v.kind === "call" ? v.args : [];
  if (v.kind === "call" && v.callee.length === 1 && v.callee[0].text === "env" && v.args.length === 1 && arg.value.kind === "string" && !arg.name) {
    const name = arg.value.value;
    const value = env[name];
    return value === undefined || value === "" ? { urlEnv: name } : { url: value, urlEnv: name };
  }
  error(v, `expected the url as a string or env("VARIABLE") but found ${describeValue(v)}`);
  return {};
}
