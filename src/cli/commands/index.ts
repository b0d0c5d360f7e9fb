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
import { upgradeCommand } from "./upgrade.js";
import { downgradeCommand } from "./downgrade.js";
import { currentCommand } from "./current.js";
import { stampCommand } from "./stamp.js";
import { checkCommand } from "./check.js";
import { generateCommand } from "./generate.js";
import { lspCommand } from "./lsp.js";
import { verifyCommand } from "./verify.js";
import { lintCommand } from "./lint.js";

/** Every verb, in the order `strata --help` lists them. */
export const COMMANDS: readonly Command[] = [
  diffCommand,
  initCommand,
  revisionCommand,
  headsCommand,
  historyCommand,
  branchesCommand,
  mergeCommand,
  upgradeCommand,
  downgradeCommand,
  currentCommand,
  stampCommand,
  checkCommand,
  verifyCommand,
  lintCommand,
  pullCommand,
  fmtCommand,
  generateCommand,
  lspCommand,
];
