import { schemaBuilders } from "./schema-builders.js";
import { table } from "./table-builder.js";
import { typeBuilders } from "./type-builders.js";
import { valueBuilders } from "./value-builders.js";

/**
 * The builders a migration imports (`import { type Operations, s } from "strata"`):
 * types, columns, constraints, indexes, defaults and whole tables, all of them
 * model values. The renderer writes exactly these calls.
 */
export const s = Object.freeze({ ...typeBuilders, ...valueBuilders, ...schemaBuilders, table });
