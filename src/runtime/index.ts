export { runMigrations, type RunOptions } from "./migration-runner.js";
export { sqlScript, type ScriptOptions } from "./sql-script.js";
export { VersionTable } from "./version-table.js";
export { migrationChecksum } from "./checksum.js";
export { MigrationFailedError, NonTransactionalStatementError, StatementFailedError } from "./migration-errors.js";
export { PlanError, planMigrations, type Direction, type MigrationStep } from "./migration-plan.js";
export { stampVersionTable } from "./stamp.js";
export { DdlCheckFailedError, executeStatement } from "./execute-statement.js";
export { liveDdlContext } from "./live-ddl-context.js";
