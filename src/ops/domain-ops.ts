import type { Domain } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";
import { qualified } from "./table-ops.js";

export class CreateDomainOp extends MigrateOperation {
  declare readonly domain: Domain;
  constructor(domain: Domain) {
    super();
    initOp(this, CreateDomainOp, new.target, { domain });
  }
  get domainName(): string {
    return this.domain.name;
  }
  get schema(): string | undefined {
    return this.domain.schema;
  }
  reverse(): DropDomainOp {
    return new DropDomainOp(this.domain.name, { schema: this.domain.schema, domain: this.domain });
  }
  toDiffTuple(): DiffTuple {
    return ["add_domain", this.domain];
  }
}

export class DropDomainOp extends MigrateOperation {
  declare readonly domainName: string;
  declare readonly schema?: string;
  /** The dropped domain, so the drop can be reversed. */
  declare readonly domain?: Domain;
  constructor(domainName: string, options: { schema?: string; domain?: Domain } = {}) {
    super();
    initOp(this, DropDomainOp, new.target, { domainName, ...options });
  }
  reverse(): CreateDomainOp {
    if (!this.domain) throw new IrreversibleOperationError(this, `the dropped domain "${this.domainName}" is not known`);
    return new CreateDomainOp(this.domain);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_domain", this.domain ?? { name: this.domainName, ...(this.schema !== undefined ? { schema: this.schema } : {}) }];
  }
  override dataLoss(): string {
    return `drops domain ${qualified(this.schema, this.domainName)}`;
  }
}

/** Changes a domain's checks, default or NOT NULL: `from` as it is, `to` as it becomes (same name and type). */
export class AlterDomainOp extends MigrateOperation {
  declare readonly from: Domain;
  declare readonly to: Domain;
  constructor(from: Domain, to: Domain) {
    super();
    initOp(this, AlterDomainOp, new.target, { from, to });
  }
  get domainName(): string {
    return this.to.name;
  }
  get schema(): string | undefined {
    return this.to.schema;
  }
  reverse(): AlterDomainOp {
    return new AlterDomainOp(this.to, this.from);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_domain", this.to.schema, this.to.name, this.from, this.to];
  }
}
