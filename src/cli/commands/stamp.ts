import { resolveTarget } from "../../revisions/index.js";
import { fileChecksum, shownPath } from "../../runtime/migration-file.js";
import { stampedState } from "../../runtime/migration-plan.js";
import { stampVersionTable } from "../../runtime/stamp.js";
import { headsOf } from "../../runtime/version-state.js";
import { VersionTable } from "../../runtime/version-table.js";
import { COMMON_OPTIONS, type Command, CONNECT_TIMEOUT_HELP } from "../command.js";
import { connectTimeout, dialectOfUrl, loadProjectConfig } from "../project.js";
import { openMigrations, userErrors } from "./revision.js";
import { migrationTargets, versionTableName, withDatabase } from "./upgrade.js";

export const stampCommand: Command = {
  name: "stamp",
  usage: "strata stamp TARGET... [--sql] [--url URL] [--config FILE]",
  help: [
    "Writes the version table as if the migrations up to TARGET had run, and runs none of them:",
    "for a database created some other way, or to repair the table by hand. TARGET is as for",
    "upgrade (several for several heads); `base` empties the table. The checksums of the files",
    "as they are now are recorded, also for revisions the table already holds: after an intended",
    "edit of an applied migration, `strata stamp` at the current revision accepts the edit (and",
    "says which files it accepted), so upgrade and downgrade stop refusing it.",
    "",
    "  --sql            print the version-table statements instead of running them (from base)",
    "  --url URL        the database (default: strata.config.ts, the schema's database block, file:./dev.db)",
    CONNECT_TIMEOUT_HELP,
    "  --config FILE    strata.config.ts to use",
  ].join("\n"),
  options: { sql: { type: "boolean" }, ...COMMON_OPTIONS },
  positionals: [1, 16],
  async run(args, context) {
    const targets = args.positionals;
    const loaded = await loadProjectConfig(args, context);
    const { graph } = await openMigrations(loaded, context);
    for (const { url } of await migrationTargets(args, loaded, context)) {
      const table = new VersionTable(dialectOfUrl(url), versionTableName(loaded));
      if (args.values.sql) {
        const ids = await userErrors(() => targets.flatMap((target) => resolveTarget(graph, target)));
        const state = stampedState(graph, ids, fileChecksum);
        const statements = [
          table.createStatement(),
          ...table.changeStatements(new Map(), state, new Date().toISOString()),
        ];
        context.out(statements.map((s) => `${s.sql};`).join("\n"));
        continue;
      }
      await withDatabase(url, async (connection) => {
        const { before, after } = await stampVersionTable(connection, table, graph, targets);
        for (const recorded of after.values()) {
          const was = before.get(recorded.revision);
          if (was && was.checksum !== recorded.checksum) {
            const migration = graph.get(recorded.revision);
            context.out(`accepted the edit of ${shownPath(migration, context.cwd)} (revision ${migration.revision}): recorded its checksum as it is now`);
          }
        }
        context.out(`stamped ${connection.displayUrl} at ${headsOf(after).join(", ") || "base"}`);
      }, { connectTimeout: connectTimeout(args, loaded) });
    }
    return 0;
  },
};
