export { formatSchema, type FormatResult } from "./format-schema.js";
export { printSchema } from "./print-schema.js";
