import type { DiffEntry } from "../../ops/index.js";
import { COMMON_OPTIONS, CONNECT_TIMEOUT_HELP, SCHEMAS_HELP, SCHEMAS_OPTION, type Command } from "../command.js";
import { compareProject } from "../compare-project.js";
import { describeDiff } from "../describe-diff.js";

export const checkCommand: Command = {
  name: "check",
  usage: "strata check [--schema PATH] [--url URL] [--schemas a,b] [--config FILE]",
  help: [
    "Compiles the schema, reads the database and compares them, as `strata revision --autogenerate`",
    "would. Prints nothing but a confirmation when they match; otherwise prints the differences and",
    "says how to resolve them. Exit 0 when they match, 1 when they differ, 2 on error.",
    "",
    "  --schema PATH  the .schema file or folder (default: the config's, else schemas/)",
    "  --url URL      the database (default: the config's, else the schema's, else file:./dev.db)",
    SCHEMAS_HELP,
    CONNECT_TIMEOUT_HELP,
    "  --config FILE  the config file (default strata.config.ts)",
  ].join("\n"),
  options: { ...COMMON_OPTIONS, ...SCHEMAS_OPTION },
  async run(args, context) {
    let differs = false;
    for (const comparison of await compareProject(args, context)) {
      const entries = comparison.script.upgradeOps.asDiffs() as DiffEntry[];
      const where = comparison.name ? `${comparison.name} (${comparison.displayUrl})` : comparison.displayUrl;
      if (entries.length === 0) {
        context.out(`${where}: matches the schema`);
        continue;
      }
      differs = true;
      // Counted as printed: a column changed in two ways is two lines, two changes.
      const lines = describeDiff(entries);
      context.out(`${where}: differs from the schema (${lines.length} change${lines.length === 1 ? "" : "s"}):`);
      for (const line of lines) context.out(`  ${line}`);
    }
    if (differs) {
      context.err("run `strata upgrade head` if a migration is pending, else `strata revision --autogenerate -m MSG`");
    }
    return differs ? 1 : 0;
  },
};
