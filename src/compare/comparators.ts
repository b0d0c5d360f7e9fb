import type { Column, Table } from "../model/index.js";
import type { ModifyTableOps, UpgradeOps } from "../ops/index.js";
import type { AlterColumnDraft } from "./alter-column-draft.js";
import type { AutogenContext } from "./autogen-context.js";

/** Returned by a comparator to stop the rest of its group (the later comparators of the same scope). */
export const STOP = "stop" as const;
export type ComparatorResult = void | typeof STOP;
type MaybeAsync<T> = T | Promise<T>;

export type SchemaComparator = (
  autogenContext: AutogenContext,
  upgradeOps: UpgradeOps,
  schemas: ReadonlyArray<string | undefined>,
) => MaybeAsync<ComparatorResult>;

/** `connTable` is undefined for an added table, `metadataTable` for a removed one. */
export type TableComparator = (
  autogenContext: AutogenContext,
  modifyTableOps: ModifyTableOps,
  schemaName: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metadataTable: Table | undefined,
) => MaybeAsync<ComparatorResult>;

export type ColumnComparator = (
  autogenContext: AutogenContext,
  alterColumnOp: AlterColumnDraft,
  schemaName: string | undefined,
  tableName: string,
  columnName: string,
  connColumn: Column,
  metadataColumn: Column,
) => MaybeAsync<ComparatorResult>;

export interface ComparatorsByScope {
  schema: SchemaComparator;
  table: TableComparator;
  column: ColumnComparator;
}
export type Scope = keyof ComparatorsByScope;

/** Lower runs first. */
export const Priority = { FIRST: 0, MEDIUM: 50, LAST: 100 } as const;

export interface DispatchOptions {
  /** Identifies the comparator for replacing or removing it; defaults to the function's name. */
  readonly name?: string;
  readonly priority?: number;
  /**
   * Only for this dialect; "default" (the default) runs on every dialect
   * that has no comparator of the same name of its own.
   */
  readonly qualifier?: string;
  readonly replace?: boolean;
}

export class DuplicateComparatorError extends Error {
  override readonly name = "DuplicateComparatorError";
}

interface Entry {
  readonly name: string;
  readonly priority: number;
  readonly qualifier: string;
  readonly order: number;
  readonly fn: (...args: never[]) => MaybeAsync<ComparatorResult>;
}

/**
 * Comparison hooks keyed by scope ("schema", "table", "column"), run in
 * priority order (ties in registration order); a hook may return STOP to end
 * its group. Built-ins register here the same way a user's plugin does.
 */
export class Comparators {
  readonly #entries: Record<Scope, Entry[]> = { schema: [], table: [], column: [] };
  #registered = 0;
  /** #for's answers, per scope and dialect: column comparators run once per column, and the list only changes on (un)registering. */
  readonly #resolved = new Map<string, Entry[]>();

  /** `comparators.dispatchFor("table")(fn)`: registers `fn` and returns it. */
  dispatchFor<S extends Scope>(scope: S, options: DispatchOptions = {}): (fn: ComparatorsByScope[S]) => ComparatorsByScope[S] {
    return (fn) => {
      const name = options.name ?? (fn.name || `anonymous#${this.#registered + 1}`);
      const qualifier = options.qualifier ?? "default";
      const list = this.#entries[scope];
      const existing = list.findIndex((e) => e.name === name && e.qualifier === qualifier);
      if (existing >= 0 && !options.replace) {
        throw new DuplicateComparatorError(`a ${scope} comparator named "${name}" (${qualifier}) is already registered; pass { replace: true } to replace it`);
      }
      // A dialect's stand-in for a default comparator takes its place in the order.
      const standIn = list.find((e) => e.name === name && e.qualifier === "default");
      const order = standIn && qualifier !== "default" ? standIn.order : this.#registered++;
      const priority = options.priority ?? standIn?.priority ?? Priority.MEDIUM;
      const entry: Entry = { name, qualifier, priority, order, fn: fn as Entry["fn"] };
      if (existing >= 0) list.splice(existing, 1, { ...entry, order: list[existing].order });
      else list.push(entry);
      list.sort((a, b) => a.priority - b.priority || a.order - b.order);
      this.#resolved.clear();
      return fn;
    };
  }

  /** Removes a comparator by name; returns whether there was one. */
  remove(scope: Scope, name: string, qualifier = "default"): boolean {
    const list = this.#entries[scope];
    const at = list.findIndex((e) => e.name === name && e.qualifier === qualifier);
    if (at >= 0) list.splice(at, 1);
    this.#resolved.clear();
    return at >= 0;
  }

  /** Names of the comparators that run for a dialect, in order. */
  names(scope: Scope, dialect = "default"): string[] {
    return this.#for(scope, dialect).map((e) => e.name);
  }

  /** Runs a scope's comparators in order until one returns STOP. */
  async run<S extends Scope>(scope: S, dialect: string, ...args: Parameters<ComparatorsByScope[S]>): Promise<void> {
    for (const entry of this.#for(scope, dialect)) {
      let result = entry.fn(...(args as unknown as never[]));
      // Most comparators are synchronous; awaiting only promises keeps 10,000-table runs fast.
      if (result instanceof Promise) result = await result;
      if (result === STOP) return;
    }
  }

  /** A dialect's own comparator stands in for the default one of the same name, as a dispatcher's qualifier does. */
  #for(scope: Scope, dialect: string): Entry[] {
    const key = `${scope} ${dialect}`;
    let resolved = this.#resolved.get(key);
    if (resolved === undefined) {
      const entries = this.#entries[scope];
      const own = new Set(entries.filter((e) => e.qualifier === dialect).map((e) => e.name));
      resolved = entries.filter((e) => e.qualifier === dialect || (e.qualifier === "default" && !own.has(e.name)));
      this.#resolved.set(key, resolved);
    }
    return resolved;
  }
}
