import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CONFIG_FILE } from "../../config/load-config.js";
import type { Command } from "../command.js";
import { UserError } from "../user-error.js";
import { DEFAULT_MIGRATIONS } from "./revision.js";

const URLS: Record<string, string> = {
  sqlite: '"file:./dev.db"',
  postgresql: 'env("DATABASE_URL")',
  mysql: 'env("DATABASE_URL")',
};

function starterSchema(dialect: string): string {
  return `// The database you want. \`strata revision --autogenerate -m "..."\` writes the migration
// that gets the database there; \`strata upgrade head\` applies it.
database {
  dialect = "${dialect}"
  url     = ${URLS[dialect]}
}

table user {
  id         integer      @id @default(autoincrement())
  email      varchar(255) @unique
  name       text?
  created_at timestamp    @default(now())
}
`;
}

const STARTER_CONFIG = `import { defineConfig } from "strata";

export default defineConfig({
  schema: "schemas",
  migrations: "${DEFAULT_MIGRATIONS}",
});
`;

export const initCommand: Command = {
  name: "init",
  usage: "strata init [--dialect sqlite|postgresql|mysql]",
  help: [
    "Starts a strata project in the current folder: schemas/app.schema (one table to edit),",
    "strata.config.ts and an empty migrations/ folder. What already exists is kept as it is and",
    "only the missing parts are written; with all three there, init writes nothing and says so.",
    "",
    "  --dialect NAME   the database the schema is for (default sqlite, at file:./dev.db;",
    "                   postgresql and mysql read the URL from DATABASE_URL)",
    "",
    "exit codes: 0 written, 2 error",
  ].join("\n"),
  options: { dialect: { type: "string" } },
  async run(args, context) {
    const dialect = (args.values.dialect as string | undefined) ?? "sqlite";
    if (!(dialect in URLS)) throw new UserError(`--dialect ${dialect}: use one of ${Object.keys(URLS).join(", ")}`);
    const files = [
      { path: join(context.cwd, "schemas", "app.schema"), text: starterSchema(dialect) },
      { path: join(context.cwd, CONFIG_FILE), text: STARTER_CONFIG },
    ];
    const migrations = join(context.cwd, DEFAULT_MIGRATIONS);
    // What exists is the user's and stays as it is; init adds only what is missing (a project
    // with a schema but no migrations folder is told to run init, and init must then help).
    const missing = files.filter((f) => !existsSync(f.path));
    const kept = [...files.map((f) => f.path), migrations].filter((p) => existsSync(p)).map((p) => relative(context.cwd, p));
    if (missing.length === 0 && existsSync(migrations)) {
      throw new UserError(`nothing to do: ${kept.join(", ")} already exist; this folder is a strata project`);
    }
    for (const file of missing) {
      mkdirSync(join(file.path, ".."), { recursive: true });
      writeFileSync(file.path, file.text, { flag: "wx" });
      context.out(`wrote ${relative(context.cwd, file.path)}`);
    }
    if (!existsSync(migrations)) {
      mkdirSync(migrations);
      context.out(`wrote ${DEFAULT_MIGRATIONS}/`);
    }
    for (const path of kept) context.out(`kept ${path} (it was already there)`);
    context.out('next: edit schemas/app.schema, then `npx strata revision --autogenerate -m "create tables"`');
    return 0;
  },
};
