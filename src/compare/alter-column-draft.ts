import type { DefaultValue, SqlType } from "../model/index.js";
import { AlterColumnOp, type Change, type TypeChange } from "../ops/index.js";

/**
 * The AlterColumnOp that column comparators fill in. The op itself is
 * frozen, so the hooks get this mutable twin with the same field names (as
 * the reference's hooks set `alter_column_op.modify_type = ...`); when every
 * hook has run, `toOp()` freezes it, and it counts only if it has changes.
 */
export class AlterColumnDraft {
  modifyType?: TypeChange;
  modifyNullable?: Change<boolean>;
  modifyServerDefault?: Change<DefaultValue | undefined>;
  modifyComment?: Change<string | undefined>;
  modifyName?: Change<string>;
  existingType?: SqlType;
  existingNullable?: boolean;
  existingServerDefault?: DefaultValue;
  existingComment?: string;
  /** Keys with the `modify_` prefix count as changes; give them `{ from, to }` values. */
  kw: Record<string, unknown> = {};

  constructor(
    readonly tableName: string,
    readonly columnName: string,
    readonly schema: string | undefined,
  ) {}

  hasChanges(): boolean {
    return (
      this.modifyType !== undefined ||
      this.modifyNullable !== undefined ||
      this.modifyServerDefault !== undefined ||
      this.modifyComment !== undefined ||
      this.modifyName !== undefined ||
      Object.keys(this.kw).some((k) => k.startsWith("modify_"))
    );
  }

  toOp(): AlterColumnOp {
    return new AlterColumnOp(this.tableName, this.columnName, {
      schema: this.schema,
      modifyType: this.modifyType,
      modifyNullable: this.modifyNullable,
      modifyServerDefault: this.modifyServerDefault,
      modifyComment: this.modifyComment,
      modifyName: this.modifyName,
      existingType: this.existingType,
      existingNullable: this.existingNullable,
      existingServerDefault: this.existingServerDefault,
      existingComment: this.existingComment,
      kw: this.kw,
    });
  }
}
