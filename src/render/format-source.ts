import { join } from "node:path";

/** Used when the project has no Prettier configuration of its own. */
export const DEFAULT_PRETTIER_OPTIONS = { printWidth: 100 } as const;

/**
 * Formats generated TypeScript with Prettier's API. The project's own Prettier
 * configuration (and .editorconfig) for `filePath` wins over strata's default,
 * so generated migrations look like the rest of the code base.
 */
export async function formatSource(source: string, filePath = join(process.cwd(), "migration.ts")): Promise<string> {
  const prettier = await import("prettier");
  const projectConfig = await prettier.resolveConfig(filePath, { editorconfig: true });
  return prettier.format(source, {
    ...(projectConfig ?? DEFAULT_PRETTIER_OPTIONS),
    // babel-ts prints generated migrations the same as the typescript parser, noticeably faster on big files.
    parser: "babel-ts",
    filepath: filePath,
  });
}
