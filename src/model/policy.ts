import { tableKey } from "./constraints.js";
import { HasInfo, type Info } from "./info.js";
import { setFields } from "./set-fields.js";

/** The statements a policy applies to (`FOR ...`). */
export type PolicyCommand = "all" | "select" | "insert" | "update" | "delete";

export const POLICY_COMMANDS: readonly PolicyCommand[] = Object.freeze(["all", "select", "insert", "update", "delete"]);

/** The pseudo-role every role is a member of: a policy without `TO` applies to it. */
export const PUBLIC_ROLE = "public";

export interface PolicyProps {
  readonly name: string;
  /** The schema of the policy's table (a policy lives with its table). */
  readonly schema?: string;
  readonly table: string;
  /** Default `all`. */
  readonly command?: PolicyCommand;
  /** The roles it applies to; default `[public]`. */
  readonly roles?: readonly string[];
  /** `AS RESTRICTIVE`: rows must pass it as well as some permissive policy (the default is permissive). */
  readonly restrictive?: boolean;
  /** `USING (...)`: which existing rows are visible, as SQL. */
  readonly using?: string;
  /** `WITH CHECK (...)`: which new rows are allowed, as SQL. */
  readonly check?: string;
  readonly comment?: string;
  readonly info?: Info;
}

/** A policy's fields are its props' (declaration merging), with the defaults filled in. */
export interface Policy extends Omit<PolicyProps, "info" | "command" | "roles" | "restrictive"> {
  readonly command: PolicyCommand;
  readonly roles: readonly string[];
  readonly restrictive: boolean;
}

/**
 * A row-level security policy (PostgreSQL). Keyed by its table and name:
 * policies are named per table. The defaults are filled in, so two models
 * saying the same thing hold the same values.
 */
export class Policy extends HasInfo {
  readonly key: string;
  /** The key of the table it is on. */
  readonly tableKey: string;

  constructor(props: PolicyProps) {
    super(props.info);
    const defaults = { command: props.command ?? "all", roles: props.roles?.length ? props.roles : [PUBLIC_ROLE], restrictive: props.restrictive ?? false };
    Object.assign(this, setFields({ ...props, ...defaults }, POLICY_FIELDS));
    this.tableKey = tableKey({ schema: this.schema, name: this.table });
    this.key = `${this.tableKey}/${this.name}`;
    Object.freeze(this);
  }

  with(changes: Partial<PolicyProps>): Policy {
    return new Policy({ ...(setFields(this, POLICY_FIELDS) as PolicyProps), info: this.info, ...changes });
  }
}

/** Every field, in a fixed order. */
export const POLICY_FIELDS = ["name", "schema", "table", "command", "roles", "restrictive", "using", "check", "comment"] as const;
