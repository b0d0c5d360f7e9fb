import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AmbiguousRevision,
  BranchNotApplied,
  MultipleHeads,
  RelativeOutOfRange,
  RevisionGraph,
  TargetNotApplied,
  UnknownRevision,
  resolveDowngrade,
  resolveOne,
  resolveTarget,
  type RevisionNode,
} from "../../src/revisions/index.js";

function rev(id: string, down: string[] = [], labels: string[] = []): RevisionNode {
  return { revision: id, downRevisions: down, branchLabels: labels, dependsOn: [] };
}

// a1 - a2 - a3            (branch "app" starts at a2)
//  \
//   b1 - b2               (branch "billing" starts at b1)
const branched = new RevisionGraph([
  rev("a1a1a1"),
  rev("a2a2a2", ["a1a1a1"], ["app"]),
  rev("a3a3a3", ["a2a2a2"]),
  rev("b1b1b1", ["a1a1a1"], ["billing"]),
  rev("b2b2b2", ["b1b1b1"]),
]);
const linear = new RevisionGraph([rev("111aaa"), rev("222bbb", ["111aaa"]), rev("333ccc", ["222bbb"])]);

const throwsTyped = (fn: () => unknown, type: new (...args: never[]) => Error, message?: string) =>
  assert.throws(fn, (e: unknown) => e instanceof type && (message === undefined || (e as Error).message === message));

test("head, heads, base", () => {
  assert.equal(resolveTarget(linear, "head"), ["333ccc"]);
  assert.equal(resolveTarget(linear, "heads"), ["333ccc"]);
  assert.equal(resolveTarget(linear, "base"), []);
  assert.equal(resolveTarget(branched, "heads"), ["a3a3a3", "b2b2b2"]);
  throwsTyped(
    () => resolveTarget(branched, "head"),
    MultipleHeads,
    '"head" is ambiguous: there are several heads (a3a3a3, b2b2b2); name one (a revision id or branch@head), use "heads", or merge them with `strata merge heads`',
  );
});

test("ids, unique prefixes and branch labels", () => {
  assert.equal(resolveTarget(linear, "222bbb"), ["222bbb"]);
  assert.equal(resolveTarget(linear, "22"), ["222bbb"]);
  assert.equal(resolveTarget(branched, "billing"), ["b1b1b1"]);
  throwsTyped(() => resolveTarget(branched, "a"), AmbiguousRevision, '"a" matches several revisions: a1a1a1, a2a2a2, a3a3a3');
  throwsTyped(() => resolveTarget(linear, "zz"), UnknownRevision, 'no revision matches "zz"');
});

test("branch@head and branch@base", () => {
  assert.equal(resolveTarget(branched, "billing@head"), ["b2b2b2"]);
  assert.equal(resolveTarget(branched, "a2@head"), ["a3a3a3"]);
  assert.equal(resolveTarget(branched, "billing@base"), ["a1a1a1"]);
  assert.equal(resolveTarget(branched, "app@head"), ["a3a3a3"]);
  throwsTyped(() => resolveTarget(branched, "a1@head"), MultipleHeads);
});

test("+N and -N relative to the current revision", () => {
  assert.equal(resolveTarget(linear, "+1", []), ["111aaa"]);
  assert.equal(resolveTarget(linear, "+2", ["111aaa"]), ["333ccc"]);
  assert.equal(resolveTarget(linear, "-1", ["333ccc"]), ["222bbb"]);
  assert.equal(resolveTarget(linear, "-3", ["333ccc"]), []);
  throwsTyped(() => resolveTarget(linear, "-4", ["333ccc"]), RelativeOutOfRange, 'cannot resolve "-4": it goes below base');
  throwsTyped(() => resolveTarget(linear, "+1", ["333ccc"]), RelativeOutOfRange, 'cannot resolve "+1": 333ccc is a head; there is nothing above it');
});

test("X+N / X-N from a named revision", () => {
  assert.equal(resolveTarget(linear, "head-1"), ["222bbb"]);
  assert.equal(resolveTarget(linear, "111+2"), ["333ccc"]);
});

test("a step that meets a branch point needs a branch name", () => {
  throwsTyped(
    () => resolveTarget(branched, "+1", ["a1a1a1"]),
    RelativeOutOfRange,
    'cannot resolve "+1": several revisions are next to a1a1a1 (a2a2a2, b1b1b1); name a branch (BRANCH@+1) or a revision',
  );
  assert.equal(resolveTarget(branched, "billing@+1", ["a1a1a1"]), ["b1b1b1"]);
  assert.equal(resolveTarget(branched, "app@+2", ["a1a1a1"]), ["a3a3a3"]);
  assert.equal(resolveTarget(branched, "billing@+2", []), ["b1b1b1"]);
});

test("relative steps at several heads need a branch", () => {
  throwsTyped(
    () => resolveTarget(branched, "-1", ["a3a3a3", "b2b2b2"]),
    RelativeOutOfRange,
    'cannot resolve "-1": the database is at several heads (a3a3a3, b2b2b2); say which branch: BRANCH@-1',
  );
  assert.equal(resolveTarget(branched, "billing@-1", ["a3a3a3", "b2b2b2"]), ["b1b1b1"]);
  assert.equal(resolveTarget(branched, "a3@-2", ["a3a3a3", "b2b2b2"]), ["a1a1a1"]);
});

// t1 - b1 (feat_b) - m1 (merge)
//   \ c1 (feat_c) /
const merged = new RevisionGraph([
  rev("t1t1t1"),
  rev("b1b1b1", ["t1t1t1"], ["feat_b"]),
  rev("c1c1c1", ["t1t1t1"], ["feat_c"]),
  rev("m1m1m1", ["b1b1b1", "c1c1c1"]),
]);

test("BRANCH@+N starts where the database is on the branch's line, or at base", () => {
  // The database is on feat_c only: feat_b starts from the trunk, not from c1.
  assert.equal(resolveTarget(merged, "feat_b@+1", ["c1c1c1"]), ["b1b1b1"]);
  assert.equal(resolveTarget(merged, "feat_b@+2", ["c1c1c1"]), ["m1m1m1"]);
  assert.equal(resolveTarget(merged, "feat_b@+1", []), ["t1t1t1"]);
  throwsTyped(
    () => resolveTarget(merged, "feat_b@+1", ["m1m1m1"]),
    RelativeOutOfRange,
    'cannot resolve "feat_b@+1": m1m1m1 is the head of feat_b; there is nothing above the database\'s revision on it',
  );
});

test("downgrade BRANCH@-N undoes only that branch, and refuses a branch that is not applied", () => {
  const undo = (target: string, current: string[]) => [...resolveDowngrade(merged, target, current)].sort();
  assert.equal(undo("feat_c@-1", ["m1m1m1"]), ["m1m1m1"]);
  assert.equal(undo("feat_c@-2", ["m1m1m1"]), ["c1c1c1", "m1m1m1"]);
  assert.equal(undo("feat_b@-1", ["b1b1b1", "c1c1c1"]), ["b1b1b1"]);
  assert.equal(undo("feat_b@base", ["b1b1b1", "c1c1c1"]), ["b1b1b1"]);
  assert.equal(undo("feat_b@-2", ["b1b1b1"]), ["b1b1b1", "t1t1t1"]);
  throwsTyped(
    () => resolveDowngrade(merged, "feat_b@-1", ["c1c1c1"]),
    BranchNotApplied,
    'cannot resolve "feat_b@-1": no revision of feat_b is applied (the database is at c1c1c1); nothing was changed',
  );
  throwsTyped(() => resolveDowngrade(merged, "feat_b@-1", ["t1t1t1"]), BranchNotApplied);
  throwsTyped(
    () => resolveDowngrade(merged, "feat_b@-2", ["b1b1b1", "c1c1c1"]),
    RelativeOutOfRange,
    'cannot resolve "feat_b@-2": it would also undo c1c1c1, not on feat_b, which needs what this downgrade undoes; name the revision to go down to (or base) to undo both on purpose',
  );
  throwsTyped(
    () => resolveDowngrade(merged, "m1@-2", ["m1m1m1"]),
    RelativeOutOfRange,
    'cannot resolve "m1@-2": m1m1m1 merges b1b1b1, c1c1c1; name the branch to step down (BRANCH@-N) or a revision',
  );
  throwsTyped(
    () => resolveDowngrade(merged, "c1c1c1", ["b1b1b1"]),
    TargetNotApplied,
    "c1c1c1 (c1c1c1) is not applied (the database is at b1b1b1); use `strata upgrade c1c1c1`",
  );
});

test("resolveOne refuses base and several heads", () => {
  assert.is(resolveOne(linear, "head"), "333ccc");
  throwsTyped(() => resolveOne(linear, "base"), RelativeOutOfRange);
  throwsTyped(() => resolveOne(branched, "heads"), MultipleHeads);
});

test.run();
