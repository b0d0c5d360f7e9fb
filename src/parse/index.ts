export type { SchemaFile } from "../../grammar/ast.js";
export { compileSchema, type CompileOptions, type CompileResult, type SchemaSource } from "./compile-schema.js";
export { displayPath, formatDiagnostics, SchemaError, SchemaFileError, type Diagnostic } from "./diagnostic.js";
export { loadSchema, readSchemaSources } from "./load-schema.js";
export { schemaText } from "./schema-text.js";
