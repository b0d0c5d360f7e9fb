import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "../cli/user-error.js";
import type { StrataConfig } from "./define-config.js";

export const CONFIG_FILE = "strata.config.ts";

export interface LoadedConfig {
  readonly config: StrataConfig;
  /** The config file, or undefined when the project has none. */
  readonly path?: string;
  /** The folder paths in the config are relative to. */
  readonly root: string;
}

/**
 * Loads `strata.config.ts` (or the file given with `--config`) through the
 * tsx loader the CLI runs under. A project without one gets the defaults.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  const path = resolve(cwd, explicitPath ?? CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicitPath) throw new UserError(`config file ${explicitPath} does not exist`);
    return { config: {}, root: cwd };
  }
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    throw new UserError(`${path}: could not be loaded: ${(error as Error).message}`);
  }
  const config = module.default;
  if (typeof config !== "object" || config === null) {
    throw new UserError(`${path}: must \`export default defineConfig({ ... })\``);
  }
  for (const plugin of (config as StrataConfig).plugins ?? []) await plugin();
  return { config: config as StrataConfig, path, root: resolve(path, "..") };
}
