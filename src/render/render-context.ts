import type { Hazard } from "../dialects/hazards.js";
import type { MigrateOperation } from "../ops/index.js";
import type { RendererRegistry } from "./renderers.js";

/** What `renderItem` is asked about: the model values a migration spells out. */
export type RenderItemType = "type" | "default" | "column" | "primaryKey" | "foreignKey" | "unique" | "check" | "index";

/**
 * The `renderItem` hook, as the reference's render_item: return the code to
 * write for `obj`, `false` for strata's own rendering, or `undefined` to leave
 * the item out (not allowed for a type, which a column cannot do without).
 */
export type RenderItemFn = (type: RenderItemType, obj: unknown, context: RenderContext) => string | false | undefined;

export interface RenderOptions {
  /** Prefix of operation calls (default `op.`). */
  readonly opPrefix?: string;
  /** Prefix of the builders (default `s.`, which the file imports from "strata"). */
  readonly schemaPrefix?: string;
  /** Renders each table's changes inside `op.batchAlterTable(...)` (SQLite's table rebuilds). */
  readonly renderAsBatch?: boolean;
  /**
   * Import lines the code needs besides strata's own (`import * as types from "../src/types.js";`).
   * Pass a Set to see what rendering adds to it (renderCode adds the `s` import when the code uses it).
   */
  readonly imports?: Iterable<string>;
  readonly renderItem?: RenderItemFn;
  /** Whatever the caller has (the autogenerate context); passed through to renderers and renderItem. */
  readonly migrationContext?: unknown;
  /**
   * Prefix for types that are not portable (user-defined and dialect-native
   * types): with `types.`, `inet` renders as `types.inet()` instead of `s.type("inet")`.
   */
  readonly userModulePrefix?: string;
  /** The dialect the migration targets, when known; renderers registered for it win over `default`. */
  readonly dialect?: string;
  /** The renderers to use (default: the shared `renderers`, where plugins register theirs). */
  readonly registry?: RendererRegistry;
  /** Where migrations import strata from (default "strata", the package itself). */
  readonly strataModule?: string;
  /** What each op does to a live database (`strata lint`'s analysis): written as comments above it. */
  readonly hazards?: ReadonlyMap<MigrateOperation, readonly Hazard[]>;
}

/** The state one rendering shares between renderers: the options, plus the imports it turned out to need. */
export interface RenderContext {
  readonly opPrefix: string;
  readonly schemaPrefix: string;
  readonly renderAsBatch: boolean;
  readonly renderItem?: RenderItemFn;
  readonly migrationContext?: unknown;
  readonly userModulePrefix?: string;
  readonly dialect?: string;
  readonly registry: RendererRegistry;
  readonly strataModule: string;
  /** Import lines the code needs; renderers add to it. */
  readonly imports: Set<string>;
  /** Set when the code calls the `s` builders, so the file imports `s`. */
  usesSchemaBuilders: boolean;
  /** What the rendered ops lose (their `dataLoss()`), for the CLI to list. */
  readonly warnings: string[];
  readonly hazards?: ReadonlyMap<MigrateOperation, readonly Hazard[]>;
  /** The hazards written as comments, for the CLI to list. */
  readonly hazardWarnings: Hazard[];
  /** Inside `op.batchAlterTable(...)`: the table the batch alters, which its ops leave out. */
  readonly batch?: { readonly tableName: string; readonly schema?: string };
}

export function newRenderContext(registry: RendererRegistry, options: RenderOptions = {}): RenderContext {
  return {
    registry: options.registry ?? registry,
    strataModule: options.strataModule ?? "strata",
    opPrefix: options.opPrefix ?? "op.",
    schemaPrefix: options.schemaPrefix ?? "s.",
    renderAsBatch: options.renderAsBatch ?? false,
    renderItem: options.renderItem,
    migrationContext: options.migrationContext,
    userModulePrefix: options.userModulePrefix,
    dialect: options.dialect,
    imports: options.imports instanceof Set ? options.imports : new Set(options.imports ?? []),
    usesSchemaBuilders: false,
    warnings: [],
    hazards: options.hazards,
    hazardWarnings: [],
  };
}
