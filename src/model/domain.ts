import { tableKey, type CheckConstraint } from "./constraints.js";
import type { DefaultValue } from "./default-value.js";
import { HasInfo, type Info } from "./info.js";
import type { SqlType } from "./sql-type.js";

export interface DomainProps {
  readonly name: string;
  readonly schema?: string;
  /** The base type. */
  readonly type: SqlType;
  /** PostgreSQL domains allow NULL unless declared NOT NULL. */
  readonly nullable: boolean;
  readonly default?: DefaultValue;
  /** `VALUE > 0`: checks name the checked value `VALUE`. */
  readonly checks?: readonly CheckConstraint[];
  readonly collation?: string;
  readonly info?: Info;
}

/**
 * A PostgreSQL domain (`CREATE DOMAIN posint AS integer CHECK (VALUE > 0)`):
 * a named type with its own checks, default and NOT NULL, which columns use
 * as their type. A column of a domain has the scalar type named as the
 * database spells the domain (`posint`, `app.email`): see `domainTypeName`.
 */
export class Domain extends HasInfo implements DomainProps {
  readonly name: string;
  readonly schema?: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly default?: DefaultValue;
  readonly checks: readonly CheckConstraint[];
  readonly collation?: string;
  readonly key: string;
  constructor(props: DomainProps) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    this.type = props.type;
    this.nullable = props.nullable;
    if (props.default !== undefined) this.default = props.default;
    this.checks = Object.freeze([...(props.checks ?? [])]);
    if (props.collation !== undefined) this.collation = props.collation;
    this.key = tableKey(props);
    Object.freeze(this);
  }
}

/**
 * The type name a column of this domain has: the domain's name as
 * PostgreSQL's format_type prints it with the default search path (the
 * schema only outside the default one; a part in double quotes unless it
 * is a plain lower-case name), so the parsed and the reflected column agree.
 */
export function domainTypeName(domain: { name: string; schema?: string }): string {
  const part = (name: string) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);
  return domain.schema !== undefined ? `${part(domain.schema)}.${part(domain.name)}` : part(domain.name);
}
