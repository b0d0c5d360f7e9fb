import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { UserModuleError, importUserModule } from "../user-modules/import-user-module.js";
import { UserError } from "../cli/user-error.js";
import type { StrataConfig } from "./define-config.js";
import { configProblems } from "./validate-config.js";

/** The config file `strata init` writes. */
export const CONFIG_FILE = "strata.config.ts";

/** Every name a config file may have, in the project's folder. */
export const CONFIG_FILES = ["strata.config.ts", "strata.config.mts", "strata.config.cts", "strata.config.js", "strata.config.mjs", "strata.config.cjs"];

export interface LoadedConfig {
  readonly config: StrataConfig;
  /** The config file, or undefined when the project has none. */
  readonly path?: string;
  /** The folder paths in the config are relative to. */
  readonly root: string;
}

/**
 * Loads `strata.config.*` (or the file given with `--config`), TypeScript or
 * JavaScript, ES module or CommonJS. A project without one gets the defaults;
 * one with two config files is an error rather than a guess.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfig(cwd);
  if (!path) return { config: {}, root: cwd };
  if (!existsSync(path)) throw new UserError(`config file ${explicitPath} does not exist`);
  let module: Record<string, unknown>;
  try {
    module = await importUserModule(path, cwd);
  } catch (error) {
    throw error instanceof UserModuleError ? new UserError(error.message) : error;
  }
  // A CommonJS config's `module.exports = defineConfig(...)` is the module itself.
  const config = "default" in module ? module.default : module;
  const shown = relative(cwd, path) || path;
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new UserError(`${shown}: must \`export default defineConfig({ ... })\``);
  }
  const problems = configProblems(config as Record<string, unknown>);
  if (problems.length) throw new UserError(problems.map((problem) => `${shown}: ${problem}`).join("\n"));
  for (const plugin of (config as StrataConfig).plugins ?? []) await plugin();
  return { config: config as StrataConfig, path, root: resolve(path, "..") };
}

function findConfig(cwd: string): string | undefined {
  const found = CONFIG_FILES.filter((name) => existsSync(resolve(cwd, name)));
  if (found.length > 1) throw new UserError(`several config files: ${found.join(", ")}; keep one`);
  return found.length ? resolve(cwd, found[0]) : undefined;
}
