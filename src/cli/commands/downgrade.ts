import { migrateCommand } from "./upgrade.js";

export const downgradeCommand = migrateCommand("downgrade");
