import type { Command } from "../command.js";
import { loadProjectConfig } from "../project.js";
import { describeRevision } from "./heads.js";
import { openMigrations } from "./revision.js";

export const branchesCommand: Command = {
  name: "branches",
  usage: "strata branches",
  help: "Prints every branch point (a revision with more than one child) and, under it, the revisions that build on it.",
  options: { config: { type: "string" } },
  async run(args, context) {
    const { graph } = await openMigrations(await loadProjectConfig(args, context), context);
    for (const id of graph.branchPoints) {
      context.out(`${describeRevision(graph, id)}, ${graph.get(id).message ?? ""}`);
      for (const child of graph.children(id)) context.out(`    -> ${describeRevision(graph, child)}, ${graph.get(child).message ?? ""}`);
    }
    return 0;
  },
};
