import { MigrationScript } from "../../ops/index.js";
import { newRevisionId, resolveTarget } from "../../revisions/index.js";
import type { Command } from "../command.js";
import { loadProjectConfig } from "../project.js";
import { UserError } from "../user-error.js";
import { emptyOps, openMigrations, userErrors, writeScripts } from "./revision.js";

export const mergeCommand: Command = {
  name: "merge",
  usage: "strata merge -m MSG REV... [--branch-label NAME] [--rev-id ID]",
  help: [
    "Writes an empty migration whose downRevision lists REV... (two or more revisions, or `heads`",
    "for all of them), so the history has one head again. Put code in it when the branches",
    "need reconciling.",
    "",
    "  -m, --message MSG     what the merge is for",
    "  --branch-label NAME   label the merge revision",
    "  --rev-id ID           use ID instead of a random 12-hex-digit id",
    "",
    "exit codes: 0 written, 2 error",
  ].join("\n"),
  options: {
    message: { type: "string", short: "m" },
    "branch-label": { type: "string", multiple: true },
    "rev-id": { type: "string" },
    config: { type: "string" },
  },
  positionals: [1, Infinity],
  async run(args, context) {
    const message = args.values.message as string | undefined;
    if (!message?.trim()) throw new UserError("say what the merge is for with -m MSG");
    const loaded = await loadProjectConfig(args, context);
    const { folder, graph } = await openMigrations(loaded, context);
    const parents = await userErrors(() => [...new Set(args.positionals.flatMap((target) => resolveTarget(graph, target)))]);
    if (parents.length < 2) {
      throw new UserError(`a merge needs at least two revisions; ${args.positionals.join(" ")} names ${parents.length === 0 ? "none" : `only ${parents[0]}`}`);
    }
    const empty = emptyOps(loaded);
    const script = new MigrationScript((args.values["rev-id"] as string | undefined) ?? newRevisionId(), empty.upgradeOpsList, empty.downgradeOpsList, {
      message: message.trim(),
      downRevision: graph.sort(parents),
      branchLabel: args.values["branch-label"] as string[] | undefined,
    });
    await writeScripts([script], graph, folder, loaded, context, { autogenerate: false });
    return 0;
  },
};
