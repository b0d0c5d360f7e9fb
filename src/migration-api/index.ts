export { s } from "./s.js";
export type { ColumnOptions, ForeignKeyOptions, IndexElementInput, IndexOptions } from "./schema-builders.js";

export type { DefaultInput } from "./value-builders.js";
/** What `upgrade(op)` receives; the package entry exports it next to `s`. */
export type { Operations } from "../ops/index.js";
