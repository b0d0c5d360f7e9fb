import type { Policy } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

/** Creates a row-level security policy on its table. */
export class CreatePolicyOp extends MigrateOperation {
  declare readonly policy: Policy;
  constructor(policy: Policy) {
    super();
    initOp(this, CreatePolicyOp, new.target, { policy });
  }
  get policyName(): string {
    return this.policy.name;
  }
  get tableName(): string {
    return this.policy.table;
  }
  get schema(): string | undefined {
    return this.policy.schema;
  }
  reverse(): DropPolicyOp {
    return new DropPolicyOp(this.policy.name, this.policy.table, { schema: this.policy.schema, policy: this.policy });
  }
  toDiffTuple(): DiffTuple {
    return ["add_policy", this.policy];
  }
}

/** Drops a policy from its table; `policy` is what its reverse re-creates. */
export class DropPolicyOp extends MigrateOperation {
  declare readonly policyName: string;
  declare readonly tableName: string;
  declare readonly schema?: string;
  declare readonly policy?: Policy;
  constructor(policyName: string, tableName: string, options: { schema?: string; policy?: Policy } = {}) {
    super();
    initOp(this, DropPolicyOp, new.target, { policyName, tableName, ...options });
  }
  reverse(): CreatePolicyOp {
    if (!this.policy) throw new IrreversibleOperationError(this, `the definition of the dropped policy "${this.policyName}" is not known`);
    return new CreatePolicyOp(this.policy);
  }
  toDiffTuple(): DiffTuple {
    const ref = { name: this.policyName, table: this.tableName, ...(this.schema !== undefined ? { schema: this.schema } : {}) };
    return ["remove_policy", this.policy ?? ref];
  }
}

/**
 * Gives a policy (same table and name) a new definition; `existing` is what
 * its reverse restores. The DDL alters what ALTER POLICY can (roles, USING,
 * WITH CHECK) and re-creates the policy for the rest (its command, its
 * restrictiveness, a clause taken away).
 */
export class AlterPolicyOp extends MigrateOperation {
  declare readonly policy: Policy;
  declare readonly existing?: Policy;
  constructor(policy: Policy, existing?: Policy) {
    super();
    initOp(this, AlterPolicyOp, new.target, { policy, existing });
  }
  get policyName(): string {
    return this.policy.name;
  }
  get tableName(): string {
    return this.policy.table;
  }
  get schema(): string | undefined {
    return this.policy.schema;
  }
  reverse(): AlterPolicyOp {
    if (!this.existing) throw new IrreversibleOperationError(this, `the old definition of policy "${this.policy.name}" is not known`);
    return new AlterPolicyOp(this.existing, this.policy);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_policy", this.policy.schema, this.policy.table, this.existing, this.policy];
  }
}
