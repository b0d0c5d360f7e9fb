import { test } from "uvu";
import * as assert from "uvu/assert";
import { describeDiff } from "../../src/cli/describe-diff.js";
import { Extension, Policy, Routine, Trigger } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";

const policy = new Policy({ name: "own", schema: "app", table: "doc", using: "true" });
const trigger = new Trigger({ name: "touch", table: "doc", timing: "before", events: ["update"], execute: "touch()" });
const routine = new Routine({ name: "touch", schema: "app", returns: "trigger", language: "plpgsql", body: "begin return new; end;" });

test("objects named per table read as `name on table`; functions and extensions by their names", () => {
  const diffs = [
    new ops.CreatePolicyOp(policy),
    new ops.AlterPolicyOp(policy.with({ using: "false" }), policy),
    new ops.DropPolicyOp("own", "doc", { schema: "app", policy }),
    new ops.CreateTriggerOp(trigger),
    new ops.ReplaceTriggerOp(trigger.with({ events: ["insert"] }), trigger),
    new ops.CreateFunctionOp(routine),
    new ops.ReplaceFunctionOp(routine.with({ volatility: "stable" }), routine),
    new ops.CreateExtensionOp(new Extension({ name: "citext", schema: "ext" })),
  ].map((op) => op.toDiffTuple());
  assert.equal(describeDiff(diffs), [
    "+ policy own on app.doc",
    "~ policy own on app.doc",
    "- policy own on app.doc",
    "+ trigger touch on doc",
    "~ trigger touch on doc",
    "+ function app.touch",
    "~ function app.touch",
    "+ extension citext",
  ]);
});

test.run();
