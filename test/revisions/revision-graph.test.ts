import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CycleDetected,
  DuplicateBranchLabel,
  DuplicateRevision,
  MissingParent,
  RevisionGraph,
  type RevisionNode,
} from "../../src/revisions/index.js";

/** `rev("c", ["a", "b"], { labels: ["x"] })`: a node with down revisions. */
function rev(id: string, down: string[] = [], extra: { labels?: string[]; dependsOn?: string[] } = {}): RevisionNode {
  return { revision: id, downRevisions: down, branchLabels: extra.labels ?? [], dependsOn: extra.dependsOn ?? [] };
}

const ids = (nodes: readonly RevisionNode[]) => nodes.map((n) => n.revision);

test("linear: one base, one head, ordered parents first", () => {
  const g = new RevisionGraph([rev("c", ["b"]), rev("a"), rev("b", ["a"])]);
  assert.equal(g.bases, ["a"]);
  assert.equal(g.heads, ["c"]);
  assert.equal(ids(g.ordered), ["a", "b", "c"]);
  assert.equal(ids(g.upgradePath([], ["c"])), ["a", "b", "c"]);
  assert.equal(ids(g.upgradePath(["a"], ["c"])), ["b", "c"]);
  assert.equal(ids(g.downgradePath(["c"], ["a"])), ["c", "b"]);
  assert.equal(ids(g.downgradePath(["c"], [])), ["c", "b", "a"]);
});

test("branched: two heads, a branch point, downgrading one branch leaves the other", () => {
  const g = new RevisionGraph([rev("a"), rev("b1", ["a"]), rev("b2", ["b1"]), rev("c1", ["a"])]);
  assert.equal(g.heads, ["b2", "c1"]);
  assert.equal(g.branchPoints, ["a"]);
  assert.equal(ids(g.upgradePath(["b2"], ["c1"])), ["c1"]);
  assert.equal(ids(g.downgradePath(["b2", "c1"], ["b1"])), ["b2"]);
  assert.equal(ids(g.downgradePath(["b2", "c1"], ["a"])), ["c1", "b2", "b1"]);
  assert.equal(g.headsOf(["a", "b1", "c1"]), ["b1", "c1"]);
});

test("merged: a merge revision has two parents and makes one head again", () => {
  const g = new RevisionGraph([rev("a"), rev("b", ["a"]), rev("c", ["a"]), rev("m", ["b", "c"])]);
  assert.equal(g.heads, ["m"]);
  assert.equal(ids(g.upgradePath(["b"], ["m"])), ["c", "m"]);
  // below a merge the database is at both parents again: c stays applied
  assert.equal(ids(g.downgradePath(["m"], ["b"])), ["m"]);
  assert.equal(ids(g.downgradePath(["m"], ["a"])), ["m", "c", "b"]);
});

test("dependsOn orders across branches without making a parent", () => {
  const g = new RevisionGraph([
    rev("a", [], { labels: ["app"] }),
    rev("x", [], { labels: ["audit"] }),
    rev("b", ["a"], { dependsOn: ["x"] }),
  ]);
  assert.equal(g.heads, ["x", "b"]);
  assert.equal(ids(g.upgradePath([], ["b"])), ["a", "x", "b"]);
  // downgrading to a undoes b (above a) and leaves the independent audit branch alone
  assert.equal(ids(g.downgradePath(["b", "x"], ["a"])), ["b"]);
  // to base, b goes before x, which it needs
  assert.equal(ids(g.downgradePath(["b", "x"], [])), ["b", "x", "a"]);
});

test("a cycle is reported with its revisions", () => {
  try {
    new RevisionGraph([rev("a"), rev("b", ["a", "d"]), rev("c", ["b"]), rev("d", ["c"])]);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, CycleDetected);
    assert.equal((error as CycleDetected).revisions, ["b", "d", "c", "b"]);
    assert.is((error as Error).message, "the revisions form a cycle: b -> d -> c -> b");
  }
});

test("a missing parent, a missing dependency, a duplicate and a reused label are typed errors", () => {
  assert.throws(() => new RevisionGraph([rev("b", ["a"])]), (e: unknown) => e instanceof MissingParent && e.message === "revision b names a in downRevision, but no migration has that revision");
  assert.throws(() => new RevisionGraph([rev("b", [], { dependsOn: ["zz"] })]), (e: unknown) => e instanceof MissingParent && e.via === "dependsOn");
  assert.throws(() => new RevisionGraph([rev("a"), rev("a")]), (e: unknown) => e instanceof DuplicateRevision && e.message === "revision a is declared more than once");
  assert.throws(
    () => new RevisionGraph([rev("a", [], { labels: ["x"] }), rev("b", ["a"], { labels: ["x"] })]),
    (e: unknown) => e instanceof DuplicateBranchLabel,
  );
});

test.run();
