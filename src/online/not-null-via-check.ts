import { Rewriter } from "../compare/rewriter.js";
import { CheckConstraint } from "../model/index.js";
import {
  AlterColumnOp,
  CreateCheckConstraintOp,
  DropConstraintOp,
  ExecuteSQLOp,
  ValidateConstraintOp,
  type MigrateOperation,
} from "../ops/index.js";
import { addStepAfter, createdTables, extractOps, splittable, tableKey } from "./online-steps.js";

export interface NotNullViaCheckOptions {
  /**
   * PostgreSQL 18 adds the NOT NULL constraint itself NOT VALID; before it,
   * a CHECK (col IS NOT NULL) added NOT VALID and validated lets SET NOT NULL
   * skip its scan (PostgreSQL 12+). Default false: the CHECK route, which 18 runs too.
   */
  readonly postgresql18?: boolean;
}

/**
 * PostgreSQL: SET NOT NULL on a table that already exists scans it under an
 * ACCESS EXCLUSIVE lock. Instead, this migration adds CHECK (col IS NOT NULL)
 * NOT VALID (brief), and the next one validates it (reads and writes go
 * on), sets NOT NULL (no scan: the valid check proves it) and drops the check.
 *
 *   processRevisionDirectives: notNullViaCheck()
 */
export function notNullViaCheck(options: NotNullViaCheckOptions = {}): Rewriter {
  return new Rewriter().chain((context, _revision, directives) => {
    const dialect = context.dialect;
    if (!dialect.capabilities.notValidConstraints) return;
    for (const script of splittable(directives)) {
      const created = createdTables(script, dialect);
      const later: MigrateOperation[] = [];
      const laterDown: MigrateOperation[] = [];
      extractOps(
        script,
        () => false,
        (op) => {
          if (!(op instanceof AlterColumnOp) || op.modifyNullable?.to !== false || created.has(tableKey(op, dialect))) return [op];
          const name = `${op.tableName}_${op.columnName}_not_null`;
          const rest = op.with({ modifyNullable: undefined });
          const keepRest = rest.modifyType || rest.modifyServerDefault || rest.modifyComment || rest.modifyName || Object.keys(rest.kw).length ? [rest] : [];
          const finalColumn = op.modifyName?.to ?? op.columnName;
          const setNotNull = new AlterColumnOp(op.tableName, finalColumn, {
            schema: op.schema,
            existingType: op.modifyType?.to ?? op.existingType,
            existingServerDefault: op.existingServerDefault,
            modifyNullable: { from: true, to: false },
          });
          if (options.postgresql18) {
            const table = dialect.quoteIdentifier(op.tableName);
            const add = `ALTER TABLE ${table} ADD CONSTRAINT ${dialect.quoteIdentifier(name)} NOT NULL ${dialect.quoteIdentifier(finalColumn)} NOT VALID`;
            later.push(new ValidateConstraintOp(name, op.tableName, { schema: op.schema }));
            return [...keepRest, new ExecuteSQLOp(add, { reverseSql: `ALTER TABLE ${table} DROP CONSTRAINT ${dialect.quoteIdentifier(name)}` })];
          }
          const expression = `${dialect.quoteIdentifier(finalColumn)} IS NOT NULL`;
          const check = new CheckConstraint({ name, expression });
          const notValidCheck = new CheckConstraint({ name, expression, notValid: true });
          later.push(
            new ValidateConstraintOp(name, op.tableName, { schema: op.schema }),
            setNotNull,
            new DropConstraintOp(name, op.tableName, { schema: op.schema, type: "check", constraint: check }),
          );
          laterDown.push(setNotNull.reverse(), new CreateCheckConstraintOp(op.tableName, notValidCheck, { schema: op.schema }));
          return [...keepRest, new CreateCheckConstraintOp(op.tableName, notValidCheck, { schema: op.schema })];
        },
      );
      if (later.length) addStepAfter(directives, script, later, laterDown.reverse(), { message: "NOT NULL set after validation" });
    }
  });
}
