import { resolveTarget } from "../../revisions/index.js";
import type { Command } from "../command.js";
import { loadProjectConfig } from "../project.js";
import { UserError } from "../user-error.js";
import { describeRevision } from "./heads.js";
import { openMigrations, userErrors } from "./revision.js";

export const historyCommand: Command = {
  name: "history",
  usage: "strata history [-r START:END] [--verbose]",
  help: [
    "Prints the revisions from the heads down to base, newest first, one a line:",
    "`PARENT -> REVISION (labels) (head), message`, with (branchpoint) and (mergepoint) marks.",
    "",
    "  -r, --rev-range START:END   only the revisions above START (itself included) up to END;",
    "                              either side may be left out; targets as for upgrade",
    "  -v, --verbose               also print each revision's file and dependencies",
  ].join("\n"),
  options: { "rev-range": { type: "string", short: "r" }, verbose: { type: "boolean", short: "v" }, config: { type: "string" } },
  async run(args, context) {
    const { graph } = await openMigrations(await loadProjectConfig(args, context), context);
    const range = (args.values["rev-range"] as string | undefined) ?? ":";
    if (!range.includes(":")) throw new UserError(`--rev-range ${range}: write START:END`);
    const [start, end] = range.split(":", 2);
    const ids = await userErrors(() => {
      const upTo = graph.ancestors(end ? resolveTarget(graph, end) : graph.heads);
      const lower = start ? resolveTarget(graph, start) : [];
      const from = lower.length ? graph.descendants(lower) : upTo;
      return graph.sort([...upTo].filter((id) => from.has(id))).reverse();
    });
    for (const id of ids) {
      const node = graph.get(id);
      const parents = node.downRevisions.length === 0 ? "<base>" : node.downRevisions.length === 1 ? node.downRevisions[0] : `(${node.downRevisions.join(", ")})`;
      context.out(`${parents} -> ${describeRevision(graph, id)}, ${node.message ?? ""}`);
      if (args.values.verbose) {
        context.out(`    file: ${node.path}`);
        if (node.dependsOn.length) context.out(`    depends on: ${node.dependsOn.join(", ")}`);
      }
    }
    return 0;
  },
};
