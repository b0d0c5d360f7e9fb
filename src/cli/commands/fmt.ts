import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import {
  compileSchema,
  formatDiagnostics,
  schemaText,
  readSchemaSources,
  SchemaError,
  type Diagnostic,
  type SchemaSource,
} from "../../parse/index.js";
import { formatSchema } from "../../format/index.js";
import type { Command } from "../command.js";
import { loadProjectConfig, schemaPath } from "../project.js";
import { UserError } from "../user-error.js";

export const fmtCommand: Command = {
  name: "fmt",
  usage: "strata fmt [PATH] [--check]",
  help: [
    "Formats the .schema file at PATH, or every .schema file below the folder PATH",
    "(default: the project's schema folder). The model they belong to (for a file,",
    "the .schema files of its folder) is compiled first: when it has errors, they",
    "are reported and nothing is written.",
    "",
    "  --check   write nothing; exit 1 when a file is not in canonical form",
  ].join("\n"),
  options: { check: { type: "boolean" }, config: { type: "string" } },
  positionals: [0, 1],
  async run(args, context) {
    const target = args.positionals[0]
      ? resolve(context.cwd, args.positionals[0])
      : schemaPath(args, await loadProjectConfig(args, context), context);
    if (!existsSync(target)) throw new UserError(`${target} does not exist`);

    const results: Array<{ path: string; before: string; after: string }> = [];
    const diagnostics: Diagnostic[] = [];
    const sources = await modelSources(target);
    // All or nothing: a model with an error anywhere means no file is rewritten.
    const compiled = compileSchema(sources);
    if (!compiled.metadata) throw new UserError(`nothing was formatted:\n${formatDiagnostics(compiled.diagnostics, { relativeTo: context.cwd })}`);
    for (const { path, text: before } of sources) {
      if (path !== target && !path.startsWith(`${target}/`)) continue;
      const shown = relative(context.cwd, path) || path;
      const formatted = formatSchema(before, shown);
      diagnostics.push(...formatted.diagnostics);
      if (formatted.text !== undefined) results.push({ path, before, after: formatted.text });
    }
    if (diagnostics.length) throw new UserError(`nothing was formatted:\n${formatDiagnostics(diagnostics, { relativeTo: context.cwd })}`);

    const changed = results.filter((r) => r.before !== r.after);
    for (const r of changed) {
      const shown = relative(context.cwd, r.path) || r.path;
      if (args.values.check) context.out(`not formatted: ${shown}`);
      else {
        writeFileSync(r.path, r.after);
        context.out(`formatted ${shown}`);
      }
    }
    return args.values.check && changed.length ? 1 : 0;
  },
};

/** A folder is one model; a file belongs to the model of the .schema files beside it. */
async function modelSources(target: string): Promise<SchemaSource[]> {
  try {
    if (!statSync(target).isDirectory()) {
      const folder = dirname(target);
      return readdirSync(folder)
        .filter((name) => name.endsWith(".schema"))
        .sort()
        .map((name) => ({ path: join(folder, name), text: schemaText(join(folder, name), readFileSync(join(folder, name))) }));
    }
    return await readSchemaSources(target);
  } catch (error) {
    throw error instanceof SchemaError ? new UserError(error.message) : error;
  }
}
