import type { ReflectOptions } from "../reflect-options.js";

/**
 * Which schemas one reflection reads, as query parameters: every catalog
 * query filters namespaces with the same predicate, so one query covers all
 * wanted schemas at once.
 */
export interface CatalogScope {
  /** Schemas named explicitly (always including the default one). */
  readonly schemas: readonly string[];
  /** Every non-system schema (`includeSchemas: true`). */
  readonly allSchemas: boolean;
}

export const DEFAULT_SCHEMA = "public";

export function catalogScope(options: ReflectOptions): CatalogScope {
  const include = options.includeSchemas;
  return {
    schemas: [DEFAULT_SCHEMA, ...(Array.isArray(include) ? include : [])],
    allSchemas: include === true,
  };
}

/** SQL predicate on a pg_namespace alias; `$1` is the schema list, `$2` the all-schemas flag. */
export function schemaPredicate(alias: string): string {
  return `(${alias}.nspname = any($1::text[]) or ($2::boolean and ${alias}.nspname !~ '^pg_' and ${alias}.nspname <> 'information_schema'))`;
}

export function scopeParams(scope: CatalogScope): unknown[] {
  return [scope.schemas, scope.allSchemas];
}

/** The model names the default schema `undefined`. */
export function modelSchema(nspname: string): string | undefined {
  return nspname === DEFAULT_SCHEMA ? undefined : nspname;
}
