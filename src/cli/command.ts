import type { ParseArgsConfig } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  readonly cwd: string;
  /** Standard output and error, injectable so tests see exactly what a user sees. */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

/** One CLI verb: its help text, its flags, and what it does (its one-line summary is in commands/index.ts). Returns the exit code. */
export interface Command {
  readonly name: string;
  /** e.g. "strata diff [--schema PATH] [--url URL] [--json]" */
  readonly usage: string;
  /** Longer help: what the verb does and what each flag means. */
  readonly help: string;
  readonly options: OptionSpec;
  /** How many positional arguments the verb takes: [min, max]. */
  readonly positionals?: readonly [number, number];
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/** Flags most verbs share; a verb includes those it honours. */
export const COMMON_OPTIONS = {
  schema: { type: "string" },
  url: { type: "string" },
  config: { type: "string" },
  "connect-timeout": { type: "string" },
} as const satisfies OptionSpec;

/** `--schemas a,b`: the PostgreSQL schemas a comparing verb reads (default: every one). */
export const SCHEMAS_OPTION = { schemas: { type: "string" } } as const satisfies OptionSpec;
export const SCHEMAS_HELP = "  --schemas a,b  PostgreSQL: read only these schemas (and public); default: every schema";
/** The help line of `--connect-timeout`, for every verb that connects. */
export const CONNECT_TIMEOUT_HELP =
  "  --connect-timeout S  seconds to wait for the database to answer (default: the config's connectTimeout, else 10)";
