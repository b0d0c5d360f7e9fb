import type { DefaultValue, SqlType } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";
import { qualified } from "./table-ops.js";
import { typeChangeLoss } from "./type-change.js";

/** A change of one property: what it was and what it becomes (never a sentinel). */
export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

/**
 * A type change. `from` may be unknown in a hand-written migration
 * (`op.alterColumn("t", "c", { type })`); such an op runs but cannot reverse.
 */
export interface TypeChange {
  readonly from?: SqlType;
  readonly to: SqlType;
}

export interface AlterColumnOptions {
  readonly schema?: string;
  readonly modifyType?: TypeChange;
  readonly modifyNullable?: Change<boolean>;
  readonly modifyServerDefault?: Change<DefaultValue | undefined>;
  readonly modifyComment?: Change<string | undefined>;
  /** A rename: `columnName` is the old name, `to` the new one. */
  readonly modifyName?: Change<string>;
  readonly existingType?: SqlType;
  readonly existingNullable?: boolean;
  readonly existingServerDefault?: DefaultValue;
  readonly existingComment?: string;
  /**
   * Further changes for plugins and dialect-specific properties. Keys with the
   * `modify_` prefix count as changes (as the reference's column hooks say);
   * their values are `{ from, to }` pairs so the op can reverse them. The
   * built-in comparators use `modify_identity`, `modify_generated` and
   * `modify_collation`.
   */
  readonly kw?: Readonly<Record<string, unknown>>;
}

const CHANGES = ["modifyType", "modifyNullable", "modifyServerDefault", "modifyComment", "modifyName"] as const;
const EXISTING = { modifyType: "existingType", modifyNullable: "existingNullable", modifyServerDefault: "existingServerDefault", modifyComment: "existingComment" } as const;

/**
 * Alters one column. `existing*` describe the column before the op (what a
 * dialect needs to restate it, e.g. MySQL's MODIFY COLUMN); when a change pair
 * is present its `from` is that state, so the constructor fills `existing*`
 * from it and the reverse stays exact.
 */
export class AlterColumnOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly columnName: string;
  declare readonly schema?: string;
  declare readonly modifyType?: TypeChange;
  declare readonly modifyNullable?: Change<boolean>;
  declare readonly modifyServerDefault?: Change<DefaultValue | undefined>;
  declare readonly modifyComment?: Change<string | undefined>;
  declare readonly modifyName?: Change<string>;
  declare readonly existingType?: SqlType;
  declare readonly existingNullable?: boolean;
  declare readonly existingServerDefault?: DefaultValue;
  declare readonly existingComment?: string;
  declare readonly kw: Readonly<Record<string, unknown>>;

  constructor(tableName: string, columnName: string, options: AlterColumnOptions = {}) {
    super();
    const props: Record<string, unknown> = { tableName, columnName, ...options, kw: Object.freeze({ ...(options.kw ?? {}) }) };
    for (const [change, existing] of Object.entries(EXISTING)) {
      const pair = options[change as keyof typeof EXISTING];
      if (!pair) continue;
      if (change === "modifyType" && pair.from === undefined) {
        // A type change without `from` takes it from `existingType`, when that is known.
        const from = options.existingType;
        props[change] = Object.freeze(from ? { from, to: pair.to } : { to: pair.to });
        continue;
      }
      props[change] = Object.freeze({ from: pair.from, to: pair.to });
      props[existing] = pair.from;
    }
    if (options.modifyName) props.modifyName = Object.freeze({ ...options.modifyName });
    initOp(this, AlterColumnOp, new.target, props);
  }

  /** True when the op changes anything (a `modify*` field, or a `modify_` key in `kw`). */
  hasChanges(): boolean {
    return CHANGES.some((c) => this[c] !== undefined) || Object.keys(this.kw).some((k) => k.startsWith("modify_"));
  }

  reverse(): AlterColumnOp {
    const swap = <T>(c: Change<T> | undefined) => (c ? { from: c.to, to: c.from } : undefined);
    const typeFrom = this.modifyType?.from;
    if (this.modifyType && typeFrom === undefined) {
      throw new IrreversibleOperationError(this, `the old type of "${this.tableName}.${this.columnName}" is not known`);
    }
    const kw = Object.fromEntries(
      Object.entries(this.kw).map(([k, v]) => [k, k.startsWith("modify_") && isChange(v) ? swap(v) : v]),
    );
    return new AlterColumnOp(this.tableName, this.modifyName ? this.modifyName.to : this.columnName, {
      schema: this.schema,
      existingType: this.existingType,
      existingNullable: this.existingNullable,
      existingServerDefault: this.existingServerDefault,
      existingComment: this.existingComment,
      modifyType: this.modifyType && typeFrom ? { from: this.modifyType.to, to: typeFrom } : undefined,
      modifyNullable: swap(this.modifyNullable),
      modifyServerDefault: swap(this.modifyServerDefault),
      modifyComment: swap(this.modifyComment),
      modifyName: swap(this.modifyName),
      kw,
    });
  }

  toDiffTuple(): DiffTuple[] {
    const head = (kind: string) => [kind, this.schema, this.tableName, this.columnName] as const;
    const existing = (except: string) =>
      Object.fromEntries(
        (["existingType", "existingNullable", "existingServerDefault", "existingComment"] as const)
          .filter((k) => k !== except)
          .map((k) => [k, this[k]]),
      );
    const tuples: DiffTuple[] = [];
    if (this.modifyName) tuples.push([...head("modify_name"), existing(""), this.modifyName.from, this.modifyName.to]);
    if (this.modifyType) tuples.push([...head("modify_type"), existing("existingType"), this.modifyType.from, this.modifyType.to]);
    if (this.modifyNullable) {
      tuples.push([...head("modify_nullable"), existing("existingNullable"), this.modifyNullable.from, this.modifyNullable.to]);
    }
    if (this.modifyServerDefault) {
      const { from, to } = this.modifyServerDefault;
      tuples.push([...head("modify_default"), existing("existingServerDefault"), from, to]);
    }
    if (this.modifyComment) {
      tuples.push([...head("modify_comment"), existing("existingComment"), this.modifyComment.from, this.modifyComment.to]);
    }
    for (const [key, value] of Object.entries(this.kw).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!key.startsWith("modify_")) continue;
      const pair = isChange(value) ? value : { from: undefined, to: value };
      tuples.push([...head(key), existing(""), pair.from, pair.to]);
    }
    return tuples;
  }

  override dataLoss(): string | undefined {
    const where = `${qualified(this.schema, this.tableName)}.${this.columnName}`;
    const reasons: string[] = [];
    const typeFrom = this.modifyType?.from ?? this.existingType;
    if (this.modifyType && typeFrom) {
      const loss = typeChangeLoss(typeFrom, this.modifyType.to);
      if (loss) reasons.push(loss);
    }
    const finalDefault = this.modifyServerDefault ? this.modifyServerDefault.to : this.existingServerDefault;
    if (this.modifyNullable?.from === true && this.modifyNullable.to === false && finalDefault === undefined) {
      reasons.push("makes it NOT NULL without a default: existing NULLs make the change fail");
    }
    return reasons.length ? `alters column ${where}: ${reasons.join("; ")}` : undefined;
  }
}

function isChange(value: unknown): value is Change<unknown> {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}
