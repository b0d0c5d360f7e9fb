import { Rewriter } from "../compare/rewriter.js";
import { CreateCheckConstraintOp, CreateForeignKeyOp, ValidateConstraintOp, type MigrateOperation } from "../ops/index.js";
import { addStepAfter, createdTables, extractOps, splittable, tableKey } from "./online-steps.js";

type Validatable = CreateForeignKeyOp | CreateCheckConstraintOp;

/**
 * PostgreSQL: a foreign key or check added to a table that already exists
 * is added NOT VALID (a brief lock, no scan), and validated by the next
 * migration, which checks the existing rows while reads and writes go on.
 * The validation must not share the first migration's transaction: that
 * would hold the strong lock for the whole scan.
 *
 *   processRevisionDirectives: notValidConstraints()
 */
export function notValidConstraints(): Rewriter {
  const rewriter = new Rewriter();
  const markNotValid = (context: { dialect: { capabilities: { notValidConstraints: boolean } } }, op: Validatable) =>
    context.dialect.capabilities.notValidConstraints && op.constraint.name !== undefined ? op.with({ notValid: true }) : op;
  rewriter.rewrites(CreateForeignKeyOp, (context, _revision, op) => markNotValid(context, op));
  rewriter.rewrites(CreateCheckConstraintOp, (context, _revision, op) => markNotValid(context, op));
  return rewriter.chain((context, _revision, directives) => {
    const dialect = context.dialect;
    if (!dialect.capabilities.notValidConstraints) return;
    for (const script of splittable(directives)) {
      const created = createdTables(script, dialect);
      const notValid = (op: MigrateOperation): op is Validatable =>
        (op instanceof CreateForeignKeyOp || op instanceof CreateCheckConstraintOp) && op.notValid === true;
      const validations: MigrateOperation[] = [];
      extractOps(
        script,
        () => false,
        (op) => {
          if (!notValid(op)) return [op];
          if (created.has(tableKey(op, dialect))) return [op.with({ notValid: undefined })];
          validations.push(new ValidateConstraintOp(op.constraint.name!, op.tableName, { schema: op.schema }));
          return [op];
        },
      );
      // Validating changes nothing a downgrade must undo: the first migration's downgrade drops the constraints.
      if (validations.length) addStepAfter(directives, script, validations, [], { message: "constraints validated" });
    }
  });
}
