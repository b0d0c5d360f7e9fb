import { CycleDetected, DuplicateBranchLabel, DuplicateRevision, MissingParent, UnknownRevision } from "./revision-errors.js";

/** What the graph needs to know about one migration; the loader adds its file and module. */
export interface RevisionNode {
  readonly revision: string;
  /** Empty for a base; several for a merge. */
  readonly downRevisions: readonly string[];
  readonly branchLabels: readonly string[];
  /** Revisions that must be applied first, without being parents (cross-branch dependencies). */
  readonly dependsOn: readonly string[];
}

/**
 * The migrations as a graph, pure data: built once from the nodes, validated
 * (duplicates, missing parents, cycles, duplicate labels), then queried.
 * "Up" is towards the heads (children), "down" towards the bases (parents).
 * Orders are deterministic: a topological order that breaks ties by id.
 */
export class RevisionGraph<T extends RevisionNode = RevisionNode> {
  readonly #byId = new Map<string, T>();
  readonly #children = new Map<string, string[]>();
  readonly #dependents = new Map<string, string[]>();
  readonly #labels = new Map<string, string>();
  /** Every revision, parents (and dependencies) before children. */
  readonly ordered: readonly T[];
  readonly #position = new Map<string, number>();

  constructor(nodes: Iterable<T>) {
    for (const node of nodes) {
      if (this.#byId.has(node.revision)) throw new DuplicateRevision(node.revision);
      this.#byId.set(node.revision, node);
      this.#children.set(node.revision, []);
      this.#dependents.set(node.revision, []);
    }
    for (const node of this.#byId.values()) {
      for (const parent of node.downRevisions) {
        if (!this.#byId.has(parent)) throw new MissingParent(node.revision, parent, "downRevision");
        this.#children.get(parent)!.push(node.revision);
      }
      for (const dependency of node.dependsOn) {
        if (!this.#byId.has(dependency)) throw new MissingParent(node.revision, dependency, "dependsOn");
        this.#dependents.get(dependency)!.push(node.revision);
      }
      for (const label of node.branchLabels) {
        const other = this.#labels.get(label);
        if (other !== undefined) throw new DuplicateBranchLabel(label, [other, node.revision]);
        this.#labels.set(label, node.revision);
      }
    }
    for (const list of [...this.#children.values(), ...this.#dependents.values()]) list.sort();
    this.ordered = Object.freeze(this.#topologicalOrder());
    this.ordered.forEach((node, i) => this.#position.set(node.revision, i));
  }

  get size(): number {
    return this.#byId.size;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get(id: string): T {
    const node = this.#byId.get(id);
    if (!node) throw new UnknownRevision(id);
    return node;
  }

  get ids(): string[] {
    return [...this.#byId.keys()];
  }

  /** Revisions no other revision names as its downRevision, in topological order. */
  get heads(): string[] {
    return this.ordered.filter((n) => this.#children.get(n.revision)!.length === 0).map((n) => n.revision);
  }

  get bases(): string[] {
    return this.ordered.filter((n) => n.downRevisions.length === 0).map((n) => n.revision);
  }

  /** Revisions with more than one child. */
  get branchPoints(): string[] {
    return this.ordered.filter((n) => this.#children.get(n.revision)!.length > 1).map((n) => n.revision);
  }

  children(id: string): readonly string[] {
    this.get(id);
    return this.#children.get(id)!;
  }

  /** The revision that declares `label`, if any. */
  labelled(label: string): string | undefined {
    return this.#labels.get(label);
  }

  /** `ids` and everything below them (parents and dependencies, transitively). */
  ancestors(ids: Iterable<string>): Set<string> {
    return this.#closure(ids, (n) => [...n.downRevisions, ...n.dependsOn]);
  }

  /** `ids` and everything above them (children and dependents, transitively). */
  descendants(ids: Iterable<string>): Set<string> {
    return this.#closure(ids, (n) => [...this.#children.get(n.revision)!, ...this.#dependents.get(n.revision)!]);
  }

  /** `ids` and their children only (no dependents): the line a branch grows along. */
  downstream(ids: Iterable<string>): Set<string> {
    return this.#closure(ids, (n) => this.#children.get(n.revision)!);
  }

  /** The members of `ids` that no other member names as downRevision: what a version table stores. */
  headsOf(ids: Iterable<string>): string[] {
    const set = new Set(ids);
    return this.sort(set).filter((id) => !this.#children.get(id)!.some((child) => set.has(child)));
  }

  /** `ids` in topological order (parents first). */
  sort(ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => this.#position.get(a)! - this.#position.get(b)!);
  }

  /**
   * What `upgrade` applies to go from `current` to `target` (both sets of
   * revision ids, empty meaning base): the target's ancestors that are not
   * applied yet, parents first.
   */
  upgradePath(current: readonly string[], target: readonly string[]): T[] {
    const applied = this.ancestors(current);
    return this.sort([...this.ancestors(target)].filter((id) => !applied.has(id))).map((id) => this.get(id));
  }

  /**
   * What `downgrade` undoes to go from `current` down to `target`: the applied
   * revisions above the target (everything, for base), children first.
   * Branches the target is not part of stay as they are.
   */
  downgradePath(current: readonly string[], target: readonly string[]): T[] {
    const applied = this.ancestors(current);
    const keep = this.ancestors(target);
    const above = target.length === 0 ? applied : this.descendants(target);
    return this.sort([...applied].filter((id) => above.has(id) && !keep.has(id)))
      .reverse()
      .map((id) => this.get(id));
  }

  #closure(ids: Iterable<string>, next: (node: T) => readonly string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...next(this.get(id)));
    }
    return seen;
  }

  /** Kahn's algorithm with the ready set kept sorted by id; leftovers form a cycle. */
  #topologicalOrder(): T[] {
    const waiting = new Map<string, number>();
    for (const node of this.#byId.values()) waiting.set(node.revision, new Set([...node.downRevisions, ...node.dependsOn]).size);
    const ready = [...waiting].filter(([, n]) => n === 0).map(([id]) => id).sort();
    const out: T[] = [];
    while (ready.length) {
      const id = ready.shift()!;
      out.push(this.#byId.get(id)!);
      for (const next of new Set([...this.#children.get(id)!, ...this.#dependents.get(id)!])) {
        const left = waiting.get(next)! - 1;
        waiting.set(next, left);
        if (left === 0) insertSorted(ready, next);
      }
    }
    if (out.length < this.#byId.size) throw new CycleDetected(this.#findCycle(new Set(out.map((n) => n.revision))));
    return out;
  }

  /** One cycle among the revisions Kahn's algorithm could not order, for the error message. */
  #findCycle(ordered: Set<string>): string[] {
    const start = [...this.#byId.keys()].filter((id) => !ordered.has(id)).sort()[0];
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let id = start;
    while (!onPath.has(id)) {
      onPath.set(id, path.length);
      path.push(id);
      const node = this.#byId.get(id)!;
      id = [...node.downRevisions, ...node.dependsOn].filter((p) => !ordered.has(p)).sort()[0];
    }
    return [...path.slice(onPath.get(id)!), id];
  }
}

function insertSorted(list: string[], id: string): void {
  let i = 0;
  while (i < list.length && list[i] < id) i++;
  list.splice(i, 0, id);
}
