import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AmbiguousRevision,
  MultipleHeads,
  RelativeOutOfRange,
  RevisionGraph,
  UnknownRevision,
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

test("resolveOne refuses base and several heads", () => {
  assert.is(resolveOne(linear, "head"), "333ccc");
  throwsTyped(() => resolveOne(linear, "base"), RelativeOutOfRange);
  throwsTyped(() => resolveOne(branched, "heads"), MultipleHeads);
});

test.run();
