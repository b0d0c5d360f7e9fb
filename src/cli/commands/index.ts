import type { Command } from "../command.js";
import { diffCommand } from "./diff.js";
import { fmtCommand } from "./fmt.js";
import { pullCommand } from "./pull.js";
import { initCommand } from "./init.js";
import { revisionCommand } from "./revision.js";
import { headsCommand } from "./heads.js";
import { historyCommand } from "./history.js";
import { branchesCommand } from "./branches.js";
import { mergeCommand } from "./merge.js";

/** Every verb, in the order `strata --help` lists them. */
export const COMMANDS: readonly Command[] = [
  diffCommand,
  initCommand,
  revisionCommand,
  headsCommand,
  historyCommand,
  branchesCommand,
  mergeCommand,
  pullCommand,
  fmtCommand,];
