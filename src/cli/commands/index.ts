import type { Command } from "../command.js";
import { fmtCommand } from "./fmt.js";
import { pullCommand } from "./pull.js";

/** Every verb, in the order `strata --help` lists them. */
export const COMMANDS: readonly Command[] = [
  pullCommand,
  fmtCommand,];
