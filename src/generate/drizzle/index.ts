export { drizzleSource, generateDrizzle, type DrizzleModule, type GenerateDrizzleOptions } from "./generate-drizzle.js";
export { DrizzleGenerateError, type DrizzleWarning } from "./generate-context.js";
