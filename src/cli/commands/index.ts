import type { Command } from "../command.js";

/** Every verb, in the order `strata --help` lists them. */
export const COMMANDS: readonly Command[] = [];
