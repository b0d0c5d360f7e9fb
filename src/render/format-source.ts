import { join } from "node:path";
import type { Options } from "prettier";

/** Used when the project has no Prettier configuration of its own. */
export const DEFAULT_PRETTIER_OPTIONS = { printWidth: 100 } as const;

/**
 * The options Prettier formats `filePath` with: the project's own Prettier
 * configuration (and .editorconfig) wins over strata's default, so generated
 * files look like the rest of the code base.
 */
export async function prettierOptionsFor(filePath: string): Promise<Options> {
  const prettier = await import("prettier");
  const projectConfig = await prettier.resolveConfig(filePath, { editorconfig: true });
  return {
    ...(projectConfig ?? DEFAULT_PRETTIER_OPTIONS),
    // babel-ts prints generated migrations the same as the typescript parser, noticeably faster on big files.
    parser: "babel-ts",
    filepath: filePath,
  };
}

/** Formats generated TypeScript with Prettier's API and the project's options for `filePath`. */
export async function formatSource(source: string, filePath = join(process.cwd(), "migration.ts")): Promise<string> {
  const prettier = await import("prettier");
  return prettier.format(source, await prettierOptionsFor(filePath));
}
