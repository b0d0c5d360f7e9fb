import { lookup } from "../../revisions/index.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { loadProjectConfig } from "../project.js";
import { verifyRevisions } from "../verify-revisions.js";
import { openMigrations, userErrors } from "./revision.js";

export const verifyCommand: Command = {
  name: "verify",
  usage: "strata verify [REVISION...] [--schema PATH] [--url URL] [--config FILE]",
  help: [
    "Runs each REVISION (default: the heads) on a scratch database of the project's dialect, never on",
    "the real one: an in-memory database for SQLite; for PostgreSQL and MySQL a temporary database",
    "created on the server of --url (dropped afterwards), or strata.config.ts `devUrl`, an empty",
    "database strata may fill and empty when you cannot create databases. For each revision:",
    "",
    "  1. the scratch database gets the revision's parent state: a copy of the real database's schema",
    "     when the real database runs this revision next (it is at the revision's parents), else the",
    "     migrations below it run on the empty scratch database",
    "  2. its upgrade runs",
    "  3. the database is compared with the schema: nothing may be left (only for the single head)",
    "  4. its downgrade runs",
    "  5. the catalog is compared with the parent state: it must be the same",
    "  6. its upgrade runs again",
    "",
    "The first step that fails is reported with the statement and the database's error, or with",
    "what differs. `revision --autogenerate` runs the same verification on the file it writes.",
    "On PostgreSQL, step 2 is watched from a second connection: the lock each operation took on",
    "the tables that existed before it, and the tables it rewrote, are listed, with a warning",
    "wherever `strata lint`'s analysis of the migration says otherwise.",
    "",
    "  --schema PATH, --url URL, --config FILE   as for every verb",
    "",
    "exit codes: 0 verified, 1 a step failed, 2 error",
  ].join("\n"),
  options: { ...COMMON_OPTIONS },
  positionals: [0, 1000],
  async run(args, context) {
    const loaded = await loadProjectConfig(args, context);
    const { graph } = await openMigrations(loaded, context);
    const revisions = args.positionals.length
      ? await userErrors(() => args.positionals.map((text) => lookup(graph, text)))
      : graph.heads;
    if (revisions.length === 0) {
      context.out("nothing to verify: there are no migrations");
      return 0;
    }
    const { results } = await verifyRevisions(revisions, graph, loaded, args, context);
    return results.some((r) => r.failure) ? 1 : 0;
  },
};
