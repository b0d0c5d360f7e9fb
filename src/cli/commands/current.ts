import { headsOf } from "../../runtime/version-state.js";
import { checkVersionState } from "../../runtime/version-table-check.js";
import { VersionTable } from "../../runtime/version-table.js";
import { COMMON_OPTIONS, type Command, CONNECT_TIMEOUT_HELP } from "../command.js";
import { connectTimeout, dialectOfUrl, loadProjectConfig } from "../project.js";
import { describeRevision } from "./heads.js";
import { openMigrations } from "./revision.js";
import { migrationTargets, scrubbed, versionTableName, withDatabase } from "./upgrade.js";

function checkOrFail(check: () => void, url: string): void {
  try {
    check();
  } catch (error) {
    throw scrubbed(error, url);
  }
}

export const currentCommand: Command = {
  name: "current",
  usage: "strata current [--url URL] [--config FILE]",
  help: [
    "Prints the revisions the database's version table records as current (one per head, as",
    "`strata heads` marks them), or `base` when no migration was applied. Reads; changes nothing.",
    "",
    "  --url URL        the database (default: strata.config.ts, the schema's database block, file:./dev.db)",
    CONNECT_TIMEOUT_HELP,
    "  --config FILE    strata.config.ts to use",
  ].join("\n"),
  options: { ...COMMON_OPTIONS },
  async run(args, context) {
    const loaded = await loadProjectConfig(args, context);
    const { graph } = await openMigrations(loaded, context);
    const targets = await migrationTargets(args, loaded, context);
    for (const { database, url } of targets) {
      const table = new VersionTable(dialectOfUrl(url), versionTableName(loaded));
      const state = await withDatabase(url, (connection) => table.read(connection), { readOnly: true, connectTimeout: connectTimeout(args, loaded) });
      const heads = headsOf(state);
      const prefix = targets.length > 1 ? `${database}: ` : "";
      if (heads.length === 0) context.out(`${prefix}base`);
      for (const id of heads) {
        context.out(prefix + (graph.has(id) ? describeRevision(graph, id) : `${id} (no migration file declares it)`));
      }
      // What is recorded is printed either way; a table that contradicts the migrations is still an error.
      if (heads.every((id) => graph.has(id))) checkOrFail(() => checkVersionState(graph, state, table.name), url);
    }
    return 0;
  },
};
