import { join } from "node:path";
import type { Options } from "prettier";
import { prettierOptionsFor } from "./format-source.js";
import type { LayoutOptions } from "./statement-docs.js";
import { parseBody } from "./statement-syntax.js";

/** A migration as rendered, and the same file with each function body replaced by a placeholder statement. */
export interface MigrationText {
  readonly source: string;
  readonly skeleton: string;
  readonly bodies: readonly string[];
}

/** What stands for function body `index` in the skeleton: a placeholder statement, or nothing for an empty body (Prettier writes `{}`). */
export function skeletonBody(body: string, index: number): string {
  return body.trim() === "" ? body : `__strata_body_${index}__;`;
}

const PLACEHOLDER_LINE = /^[ \t]*__strata_body_(\d+)__;?(?=[\r\n])/gm;

/**
 * Formats a rendered migration as Prettier would, with the project's options.
 * Prettier itself formats the skeleton (header, imports, signatures: a few
 * lines, whatever the options); the bodies, thousands of statements in a big
 * migration, are laid out by statement-lines.ts as Prettier would lay them
 * out, which gives the same text in a fraction of the time. When the
 * options or a body hold anything that path does not know (a plugin, a user
 * renderer's own syntax), Prettier formats the whole file.
 */
export async function formatMigration(text: MigrationText, filePath = join(process.cwd(), "migration.ts")): Promise<string> {
  const prettier = await import("prettier");
  const options = await prettierOptionsFor(filePath);
  const layout = layoutOptions(options);
  const bodies = layout ? text.bodies.map(parseBody) : [];
  if (!layout || bodies.some((body) => body === undefined)) return prettier.format(text.source, options);

  const { printBody } = await import("./statement-lines.js");
  const skeleton = await prettier.format(text.skeleton, options);
  return skeleton.replace(PLACEHOLDER_LINE, (_line, index: string) => printBody(bodies[Number(index)]!, layout));
}

/** Options that do not change how a migration body prints (they concern other languages, or shapes strata does not write). */
const NEUTRAL_OPTIONS = new Set([
  "parser",
  "filepath",
  "quoteProps",
  "objectWrap",
  "arrowParens",
  "bracketSameLine",
  "jsxSingleQuote",
  "singleAttributePerLine",
  "proseWrap",
  "htmlWhitespaceSensitivity",
  "vueIndentScriptAndStyle",
  "embeddedLanguageFormatting",
  "experimentalTernaries",
  "experimentalOperatorPosition",
  "insertPragma",
]);

/** The layout options for `printBody`, or undefined when an option asks for something only Prettier itself can do. */
export function layoutOptions(options: Options): LayoutOptions | undefined {
  const layout = {
    printWidth: options.printWidth ?? 80,
    tabWidth: options.tabWidth ?? 2,
    useTabs: options.useTabs ?? false,
    semi: options.semi ?? true,
    singleQuote: options.singleQuote ?? false,
    trailingComma: options.trailingComma ?? "all",
    bracketSpacing: options.bracketSpacing ?? true,
    // The rendered source has \n line ends, which is what "auto" keeps.
    endOfLine: options.endOfLine === undefined || options.endOfLine === "auto" ? "lf" : options.endOfLine,
  };
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || NEUTRAL_OPTIONS.has(name) || (name === "plugins" && Array.isArray(value) && value.length === 0)) continue;
    if (!(name in layout)) return undefined;
  }
  const valid =
    Number.isInteger(layout.printWidth) &&
    Number.isInteger(layout.tabWidth) &&
    typeof layout.useTabs === "boolean" &&
    typeof layout.semi === "boolean" &&
    typeof layout.singleQuote === "boolean" &&
    typeof layout.bracketSpacing === "boolean" &&
    ["all", "es5", "none"].includes(layout.trailingComma) &&
    ["lf", "crlf", "cr"].includes(layout.endOfLine);
  return valid ? (layout as LayoutOptions) : undefined;
}
