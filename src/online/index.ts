export { concurrentIndexes } from "./concurrent-indexes.js";
export { notValidConstraints } from "./not-valid-constraints.js";
export { notNullViaCheck, type NotNullViaCheckOptions } from "./not-null-via-check.js";
export { lockTimeouts, type LockTimeoutsOptions } from "./lock-timeouts.js";
export { mysqlOnlineDdl } from "./mysql-online-ddl.js";
