import { dataLosses, type DiffEntry } from "../../ops/index.js";
import { COMMON_OPTIONS, CONNECT_TIMEOUT_HELP, SCHEMAS_HELP, SCHEMAS_OPTION, type Command } from "../command.js";
import { compareProject } from "../compare-project.js";
import { describeDiff, diffToJson } from "../describe-diff.js";

export const diffCommand: Command = {
  name: "diff",
  usage: "strata diff [--schema PATH] [--url URL] [--schemas a,b] [--json]",
  help: [
    "Compiles the schema, reads the database and prints what a migration would",
    "change: + adds, - removes, ~ changes; changes that can lose data are listed",
    "as warnings. Exit 0 when there are no changes, 1 when there are, 2 on error.",
    "",
    "  --schema PATH  the .schema file or folder (default: the config's, else schemas/)",
    "  --url URL      the database (default: the config's, else the schema's, else file:./dev.db)",
    SCHEMAS_HELP,
    CONNECT_TIMEOUT_HELP,
    "  --json         print the diff tuples as one JSON array (with several databases",
    "                 in the config: an object keyed by database name)",
    "  --config FILE  the config file (default strata.config.ts)",
  ].join("\n"),
  options: { ...COMMON_OPTIONS, ...SCHEMAS_OPTION, json: { type: "boolean" } },
  async run(args, context) {
    const comparisons = await compareProject(args, context);
    const diffs = comparisons.map((c) => ({ ...c, entries: c.script.upgradeOps.asDiffs() as DiffEntry[] }));
    const changed = diffs.some((d) => d.entries.length > 0);

    if (args.values.json) {
      const single = diffs.length === 1 && diffs[0].name === undefined;
      context.out(single ? diffToJson(diffs[0].entries) : diffToJson(Object.fromEntries(diffs.map((d) => [d.name, d.entries])) as never));
      return changed ? 1 : 0;
    }
    for (const diff of diffs) {
      const where = diff.name ? `${diff.name} (${diff.displayUrl})` : diff.displayUrl;
      if (diff.entries.length === 0) {
        context.out(`${where}: no changes`);
        continue;
      }
      // Counted as printed: a column changed in two ways is two lines, two changes.
      const lines = describeDiff(diff.entries);
      context.out(`${where}: ${lines.length} change${lines.length === 1 ? "" : "s"}`);
      for (const line of lines) context.out(`  ${line}`);
      for (const loss of dataLosses(diff.script.upgradeOps.ops)) context.err(`warning: ${loss}`);
    }
    return changed ? 1 : 0;
  },
};
