export { s } from "./s.js";
export type { ColumnOptions, ForeignKeyOptions, IndexElementInput, IndexOptions } from "./schema-builders.js";

export type { DefaultInput } from "./value-builders.js";
