import { test } from "uvu";
import * as assert from "uvu/assert";
import * as ops from "../../src/ops/index.js";
import { DDL_OPS } from "../../src/dialects/ddl/ddl-dispatch.js";

/** Op classes that never reach a DDL compiler: the whole-migration containers and an abstract base. */
const NOT_DDL = new Set(["MigrateOperation", "OpContainer", "UpgradeOps", "DowngradeOps", "MigrationScript", "CreateConstraintOp"]);

test("every op class src/ops exports has a DDL handler slot (so each dialect must handle it)", () => {
  const exported = Object.entries(ops)
    .filter(([name, value]) => typeof value === "function" && value.prototype instanceof ops.MigrateOperation && !NOT_DDL.has(name))
    .map(([name]) => name)
    .sort();
  assert.equal(exported, Object.keys(DDL_OPS).sort());
});

test.run();
