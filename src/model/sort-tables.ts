import type { Table } from "./table.js";
import { tableKey } from "./constraints.js";

/**
 * Tables in dependency order: a referenced table comes before the tables
 * that reference it (and the partitions of one that is partitioned), a
 * parent (PostgreSQL PARTITION OF, INHERITS) before its partitions and
 * children. Ties (and cycles, which cannot be ordered) fall
 * back to key order, so the result is deterministic. `cycles` lists the
 * foreign keys that had to be ignored to break a cycle: callers create those
 * after the tables.
 */
export function sortTables(tables: Iterable<Table>): { sorted: Table[]; cycleEdges: Array<[Table, string]> } {
  const byKey = new Map<string, Table>();
  for (const t of tables) byKey.set(t.key, t);
  const keys = [...byKey.keys()].sort();
  // A foreign key to a partitioned table depends on each of its partitions (PostgreSQL cannot drop one while it stands).
  const partitionsOf = new Map<string, string[]>();
  for (const t of byKey.values()) {
    const seen = new Set([t.key]);
    for (let parent = t.options.partitionOf; parent !== undefined && !seen.has(parent); parent = byKey.get(parent)?.options.partitionOf) {
      seen.add(parent);
      partitionsOf.set(parent, [...(partitionsOf.get(parent) ?? []), t.key]);
    }
  }
  const state = new Map<string, "visiting" | "done">();
  const sorted: Table[] = [];
  const cycleEdges: Array<[Table, string]> = [];

  // Iterative DFS: 10,000-table schemas must not overflow the stack.
  for (const root of keys) {
    if (state.has(root)) continue;
    const stack: Array<{ key: string; deps: string[]; next: number }> = [];
    const push = (key: string) => {
      state.set(key, "visiting");
      const table = byKey.get(key)!;
      const targets = table.foreignKeys.map((fk) => tableKey(fk.target));
      const deps = [...new Set([...targets, ...targets.flatMap((t) => partitionsOf.get(t) ?? []), ...parentKeys(table)])]
        .filter((d) => d !== key && byKey.has(d))
        .sort();
      stack.push({ key, deps, next: 0 });
    };
    push(root);
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++];
        const s = state.get(dep);
        if (s === undefined) push(dep);
        else if (s === "visiting") cycleEdges.push([byKey.get(frame.key)!, dep]);
      } else {
        stack.pop();
        state.set(frame.key, "done");
        sorted.push(byKey.get(frame.key)!);
      }
    }
  }
  return { sorted, cycleEdges };
}

/** The tables a table is a partition or an inheriting child of, by key. */
export function parentKeys(table: Table): string[] {
  const { partitionOf, inherits } = table.options;
  return [...(partitionOf !== undefined ? [partitionOf] : []), ...(inherits !== undefined ? inherits.split(", ") : [])];
}
