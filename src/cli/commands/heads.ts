import type { RevisionGraph } from "../../revisions/index.js";
import type { LoadedMigration } from "../../revisions/index.js";
import type { Command } from "../command.js";
import { loadProjectConfig } from "../project.js";
import { openMigrations } from "./revision.js";

/** `ae1027a6acf1 (billing) (head)`: a revision with its labels and what it is in the graph. */
export function describeRevision(graph: RevisionGraph<LoadedMigration>, id: string): string {
  const node = graph.get(id);
  const tags = [
    ...(node.branchLabels.length ? [`(${node.branchLabels.join(", ")})`] : []),
    ...(graph.children(id).length === 0 ? ["(head)"] : []),
    ...(graph.children(id).length > 1 ? ["(branchpoint)"] : []),
    ...(node.downRevisions.length > 1 ? ["(mergepoint)"] : []),
  ];
  return [id, ...tags].join(" ");
}

export const headsCommand: Command = {
  name: "heads",
  usage: "strata heads [--verbose]",
  help: [
    "Prints every head of the migrations folder, one a line, with its branch labels.",
    "More than one head means the history has branched: `strata merge -m MSG heads` joins them.",
    "",
    "  -v, --verbose   also print each head's message and file",
  ].join("\n"),
  options: { verbose: { type: "boolean", short: "v" }, config: { type: "string" } },
  async run(args, context) {
    const { graph } = await openMigrations(await loadProjectConfig(args, context), context);
    for (const id of graph.heads) {
      const line = describeRevision(graph, id);
      const node = graph.get(id);
      context.out(args.values.verbose ? `${line}, ${node.message ?? ""}\n  ${node.path}` : line);
    }
    return 0;
  },
};
