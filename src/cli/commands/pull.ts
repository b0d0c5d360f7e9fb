import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { printSchema } from "../../format/index.js";
import { DEFAULT_VERSION_TABLE } from "../../dialects/reflect-options.js";
import { redactUrl } from "../../dialects/redact-url.js";
import { sqliteFilePath } from "../../dialects/sqlite/sqlite-file-path.js";
import { CONNECT_TIMEOUT_HELP, SCHEMAS_HELP, SCHEMAS_OPTION, type Command } from "../command.js";
import { schemaScope } from "../compare-project.js";
import { connectTimeout, loadProjectConfig, openDatabase } from "../project.js";
import { UserError } from "../user-error.js";

export const pullCommand: Command = {
  name: "pull",
  usage: "strata pull --url URL [--out FILE] [--schemas a,b]",
  help: [
    "Reads the database at URL and prints the .schema that describes it, in the",
    "canonical form `strata fmt` writes, or writes it to FILE with --out.",
    "What the language cannot represent is reported as a warning naming the object.",
    "",
    "  --url URL      the database (file:, libsql://, postgres://, mysql://)",
    "  --out FILE     write the schema to FILE instead of standard output",
    SCHEMAS_HELP,
    CONNECT_TIMEOUT_HELP,
  ].join("\n"),
  options: {
    url: { type: "string" },
    out: { type: "string" },
    ...SCHEMAS_OPTION,
    config: { type: "string" },
    "connect-timeout": { type: "string" },
  },
  async run(args, context) {
    const loaded = await loadProjectConfig(args, context);
    const url = (args.values.url as string | undefined) ?? loaded.config.url;
    if (!url) throw new UserError("give the database with --url URL");
    const includeSchemas = schemaScope(args, loaded);

    const file = sqliteFilePath(url);
    if (file !== undefined && !existsSync(file)) throw new UserError(`there is no database at ${redactUrl(url)}: nothing to pull`);
    const connection = await openDatabase(url, undefined, { connectTimeout: connectTimeout(args, loaded) });
    let text: string;
    let warnings: string[];
    try {
      const metadata = await connection.dialect.reflect(connection, {
        includeSchemas,
        includeName: loaded.config.includeName,
        versionTable: loaded.config.versionTable ?? DEFAULT_VERSION_TABLE,
      });
      text = printSchema(metadata.with({ database: { dialect: connection.dialect.name } }));
      const info = metadata.info;
      warnings = [...((info.skippedSchemas as string[] | undefined) ?? []), ...((info.reflectionWarnings as string[] | undefined) ?? [])];
    } finally {
      await connection.close();
    }
    for (const warning of warnings) context.err(`warning: ${warning}`);
    const out = args.values.out as string | undefined;
    if (out) {
      const path = resolve(context.cwd, out);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      context.err(`wrote ${out}`);
    } else context.out(text);
    return 0;
  },
};
