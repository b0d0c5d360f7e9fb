import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Jiti } from "jiti";
import { formatLocatedMessage, type LocatedMessage } from "../diagnostics/located-message.js";

/**
 * A config or migration file that did not load: `reason` says why, and a
 * file that does not parse carries where (`location`). The message names
 * the file, located with the source line and a caret as for `.schema` files.
 */
export class UserModuleError extends Error {
  override readonly name = "UserModuleError";
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly location?: LocatedMessage,
  ) {
    super(location ? formatLocatedMessage(location) : `${path}: ${reason}`);
  }
}

let loader: Promise<Jiti> | undefined;

/**
 * Loads one of the user's files (`strata.config.*`, a migration) with jiti,
 * whatever the project is: `"type": "module"`, `"type": "commonjs"`, no type,
 * no package.json; `.ts`, `.mts`, `.cts`, `.js`, `.mjs`. jiti is loaded at the
 * first such file, so commands that read none never pay for it. Messages
 * name files relative to `root` (the project) when they are inside it.
 */
export async function importUserModule(path: string, root: string): Promise<Record<string, unknown>> {
  loader ??= createLoader();
  const jiti = await loader;
  try {
    return (await jiti.import(path)) as Record<string, unknown>;
  } catch (error) {
    throw loadError(path, root, error);
  }
}

/**
 * jiti over tsx: tsx's CommonJS hook compiles strata's own ES modules into a
 * second copy when a CommonJS config requires "strata", and Node 20 offers
 * no hook to send that require elsewhere. jiti runs ESM and CommonJS syntax
 * alike and hands `import "strata"` / `require("strata")` a module we give
 * it: the package entry resolved from this very file (a self-reference), so
 * the user's file gets the instance this command runs, with every
 * comparator, renderer and operation its plugins register. Under the test
 * suite the `strata-source` condition makes that the TypeScript sources.
 */
async function createLoader(): Promise<Jiti> {
  const [{ createJiti }, strata] = await Promise.all([import("jiti"), import("strata")]);
  return createJiti(import.meta.url, { virtualModules: { strata } });
}

/** jiti reports a file that does not parse as `ParseError: REASON \n PATH:LINE:COLUMN`, the column counted from 0. */
const PARSE_ERROR = /^ParseError: (.*?)\s*\n\s*(.*):(\d+):(\d+)\s*$/s;

function loadError(path: string, root: string, error: unknown): UserModuleError {
  const text = error instanceof Error ? error.message : String(error);
  const parse = PARSE_ERROR.exec(text);
  if (parse) {
    // The file that does not parse may be one the user's file imports.
    const [, reason, file, line, column] = parse;
    const sourceLine = readFileSync(file, "utf8").split(/\r\n|\r|\n/)[Number(line) - 1] ?? "";
    const message = `syntax error: ${reason}`;
    return new UserModuleError(shown(path, root), message, { path: shown(file, root), line: Number(line), column: Number(column) + 1, message, sourceLine });
  }
  return new UserModuleError(shown(path, root), `could not be loaded: ${text.split("\n")[0]}`);
}

function shown(path: string, root: string): string {
  const inside = relative(root, path);
  return inside && !inside.startsWith("..") ? inside : path;
}
