import type { Command } from "../command.js";

/**
 * A verb as `strata --help` lists it. Its module, and everything that
 * module needs, is imported only when the verb runs or shows its own help:
 * `strata --version` and `strata --help` load no command at all.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every verb, in the order `strata --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "diff", summary: "compare the schema with the database and print the changes", load: async () => (await import("./diff.js")).diffCommand },
  { name: "init", summary: "write a starter schemas/app.schema, strata.config.ts and migrations/", load: async () => (await import("./init.js")).initCommand },
  { name: "revision", summary: "write the next migration file (empty, or with --autogenerate the changes the schema asks for)", load: async () => (await import("./revision.js")).revisionCommand },
  { name: "heads", summary: "list the revisions nothing builds on yet", load: async () => (await import("./heads.js")).headsCommand },
  { name: "history", summary: "list the revisions, newest first", load: async () => (await import("./history.js")).historyCommand },
  { name: "branches", summary: "list the revisions where the history branches", load: async () => (await import("./branches.js")).branchesCommand },
  { name: "merge", summary: "write a migration that joins several heads into one", load: async () => (await import("./merge.js")).mergeCommand },
  { name: "upgrade", summary: "apply migrations up to TARGET (e.g. head)", load: async () => (await import("./upgrade.js")).upgradeCommand },
  { name: "downgrade", summary: "undo migrations down to TARGET (e.g. -1, base)", load: async () => (await import("./downgrade.js")).downgradeCommand },
  { name: "current", summary: "print the revision the database is at", load: async () => (await import("./current.js")).currentCommand },
  { name: "stamp", summary: "record TARGET as the database's revision without running migrations", load: async () => (await import("./stamp.js")).stampCommand },
  { name: "check", summary: "exit 1 when the database differs from the schema (a CI drift gate)", load: async () => (await import("./check.js")).checkCommand },
  { name: "lint", summary: "list what migrations would do to a live database: long locks, rewrites, scans, breaking changes, data loss", load: async () => (await import("./lint.js")).lintCommand },
  { name: "verify", summary: "prove migrations on a scratch database: upgrade, no diff left, downgrade restores, upgrade again", load: async () => (await import("./verify.js")).verifyCommand },
  { name: "pull", summary: "write the .schema that describes a live database", load: async () => (await import("./pull.js")).pullCommand },
  { name: "fmt", summary: "rewrite .schema files in canonical form", load: async () => (await import("./fmt.js")).fmtCommand },
  { name: "generate", summary: "write a drizzle-orm table module for the schema", load: async () => (await import("./generate.js")).generateCommand },
  { name: "lsp", summary: "run the language server editors talk to (LSP over stdio)", load: async () => (await import("./lsp.js")).lspCommand },
];
