import { Comparators } from "./comparators.js";
import { setup as columnComparators } from "./column-comparators.js";
import { setup as checks } from "./compare-checks.js";
import { setup as columns } from "./compare-columns.js";
import { setup as compositeTypes } from "./compare-composite-types.js";
import { setup as domains } from "./compare-domains.js";
import { setup as enums } from "./compare-enums.js";
import { setup as extensions } from "./compare-extensions.js";
import { setup as functions } from "./compare-functions.js";
import { setup as foreignKeys } from "./compare-foreign-keys.js";
import { setup as indexes } from "./compare-indexes.js";
import { setup as policies } from "./compare-policies.js";
import { setup as primaryKey } from "./compare-primary-key.js";
import { setup as schemas } from "./compare-schemas.js";
import { setup as sequences } from "./compare-sequences.js";
import { setup as tableComment } from "./compare-table-comment.js";
import { setup as tableOptions } from "./compare-table-options.js";
import { setup as tables } from "./compare-tables.js";
import { setup as triggers } from "./compare-triggers.js";
import { setup as views } from "./compare-views.js";

/** The built-in comparators, in the order they register (equal priority runs in this order). */
export const BUILTIN_COMPARATORS: ReadonlyArray<(registry: Comparators) => void> = [
  extensions,
  enums,
  domains,
  compositeTypes,
  sequences,
  functions,
  views,
  tables,
  columns,
  primaryKey,
  indexes,
  foreignKeys,
  checks,
  tableComment,
  tableOptions,
  columnComparators,
  triggers,
  policies,
  schemas,
];

/** A registry with the built-ins (or empty with `{ builtins: false }`). */
export function createComparators(options: { builtins?: boolean } = {}): Comparators {
  const registry = new Comparators();
  if (options.builtins ?? true) for (const setup of BUILTIN_COMPARATORS) setup(registry);
  return registry;
}

/**
 * The registry autogenerate uses unless `opts.comparators` names another:
 * the reference's module-level `comparators`, which plugins extend with
 * `comparators.dispatchFor(...)`.
 */
export const comparators: Comparators = createComparators();
