import type { DiffEntry } from "./diff-tuple.js";
import { MigrateOperation } from "./migrate-operation.js";
import { DowngradeOps, swapToken, UpgradeOps } from "./op-containers.js";

/** `upgradeOps`/`downgradeOps` were read on a script that holds several lists (several databases). */
export class MultipleOpsListsError extends Error {
  override readonly name = "MultipleOpsListsError";
  constructor(which: "upgradeOps" | "downgradeOps") {
    super(`this MigrationScript holds several ${which} lists (one per database); use ${which}List`);
  }
}

export interface MigrationScriptOptions {
  message?: string;
  imports?: Iterable<string>;
  head?: string;
  splice?: boolean;
  branchLabel?: string | string[];
  versionPath?: string;
  dependsOn?: string | string[];
  downRevision?: string | string[];
  /** false: the migration runs outside a transaction (`export const transactional = false`), as CONCURRENTLY needs. */
  transactional?: boolean;
}

/**
 * One migration file to write: its identity and its upgrade/downgrade ops.
 * Mutable on purpose, for processRevisionDirectives. With several databases
 * it holds one UpgradeOps/DowngradeOps per database (`upgradeOpsList`);
 * `upgradeOps` is then ambiguous and throws, as in the reference.
 */
export class MigrationScript extends MigrateOperation {
  revId: string;
  downRevision?: string | string[];
  message?: string;
  imports: Set<string>;
  head?: string;
  splice?: boolean;
  branchLabel?: string | string[];
  versionPath?: string;
  dependsOn?: string | string[];
  transactional?: boolean;
  upgradeOpsList: UpgradeOps[];
  downgradeOpsList: DowngradeOps[];

  constructor(
    revId: string,
    upgradeOps: UpgradeOps | UpgradeOps[],
    downgradeOps: DowngradeOps | DowngradeOps[],
    options: MigrationScriptOptions = {},
  ) {
    super();
    this.revId = revId;
    const { imports, ...rest } = options;
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) (this as Record<string, unknown>)[key] = value;
    }
    this.imports = new Set(imports ?? []);
    this.upgradeOpsList = Array.isArray(upgradeOps) ? [...upgradeOps] : [upgradeOps];
    this.downgradeOpsList = Array.isArray(downgradeOps) ? [...downgradeOps] : [downgradeOps];
  }

  get upgradeOps(): UpgradeOps {
    if (this.upgradeOpsList.length > 1) throw new MultipleOpsListsError("upgradeOps");
    return this.upgradeOpsList[0];
  }
  set upgradeOps(ops: UpgradeOps) {
    this.upgradeOpsList = [ops];
  }
  get downgradeOps(): DowngradeOps {
    if (this.downgradeOpsList.length > 1) throw new MultipleOpsListsError("downgradeOps");
    return this.downgradeOpsList[0];
  }
  set downgradeOps(ops: DowngradeOps) {
    this.downgradeOpsList = [ops];
  }

  /** The script that undoes this one: the downgrade lists become the upgrades and vice versa. */
  reverse(): MigrationScript {
    const up = this.downgradeOpsList.map(
      (d) => new UpgradeOps(d.ops, { upgradeToken: swapToken(d.downgradeToken, "downgrades", "upgrades") }),
    );
    const down = this.upgradeOpsList.map(
      (u) => new DowngradeOps(u.ops, { downgradeToken: swapToken(u.upgradeToken, "upgrades", "downgrades") }),
    );
    const { revId, upgradeOpsList: _u, downgradeOpsList: _d, ...options } = this;
    return new MigrationScript(revId, up, down, options);
  }

  /** The upgrade diffs of every database, one list. */
  toDiffTuple(): DiffEntry[] {
    return this.upgradeOpsList.flatMap((u) => u.asDiffs());
  }
}
