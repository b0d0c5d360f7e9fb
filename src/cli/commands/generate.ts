import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateDrizzle } from "../../generate/drizzle/index.js";
import type { Command } from "../command.js";
import { compileProjectSchema } from "../project.js";
import { UserError } from "../user-error.js";

const TARGETS = ["drizzle"];

export const generateCommand: Command = {
  name: "generate",
  usage: "strata generate drizzle [--schema PATH] [--url URL] [--out FILE]",
  help: [
    "Writes a TypeScript module with drizzle-orm definitions for the schema's dialect:",
    "tables and columns, primary and foreign keys, unique constraints, checks, indexes,",
    "enums, schemas and relations derived from the foreign keys, formatted with Prettier.",
    "What drizzle-orm cannot express is reported on stderr as a warning naming the object.",
    "",
    "  --schema PATH  the .schema file or folder (default: the config's, else schemas/)",
    "  --url URL      the database the module is for: a schema that names no dialect",
    "                 is written for this URL's (default: the config's url, else SQLite)",
    "  --out FILE     write the module to FILE instead of standard output",
  ].join("\n"),
  options: {
    schema: { type: "string" },
    url: { type: "string" },
    out: { type: "string" },
    config: { type: "string" },
  },
  positionals: [1, 1],
  async run(args, context) {
    const what = args.positionals[0];
    if (!TARGETS.includes(what)) throw new UserError(`strata generate knows ${TARGETS.join(", ")}, not "${what}"`);
    const { metadata } = await compileProjectSchema(args, context);
    const out = args.values.out as string | undefined;
    const filePath = resolve(context.cwd, out ?? "drizzle-schema.ts");
    const { code, warnings } = await generateDrizzle(metadata, { filePath });
    for (const warning of warnings) context.err(`warning: ${warning.object}: ${warning.message}`);
    if (out) {
      writeFileSync(filePath, code);
      context.err(`wrote ${out}`);
    } else context.out(code);
    return 0;
  },
};
