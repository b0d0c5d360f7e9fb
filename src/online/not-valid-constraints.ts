import { Rewriter } from "../compare/rewriter.js";
import { CheckConstraint, ForeignKeyConstraint } from "../model/index.js";
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
  // The constraints this rewriter made NOT VALID (one the schema declares NOT VALID stays as declared, unvalidated).
  const marked = new WeakSet<MigrateOperation>();
  const markNotValid = (context: { dialect: { capabilities: { notValidConstraints: boolean } } }, op: Validatable) => {
    if (!context.dialect.capabilities.notValidConstraints || op.constraint.name === undefined || op.constraint.notValid) return op;
    const rewritten = withNotValid(op, true);
    marked.add(rewritten);
    return rewritten;
  };
  rewriter.rewrites(CreateForeignKeyOp, (context, _revision, op) => markNotValid(context, op));
  rewriter.rewrites(CreateCheckConstraintOp, (context, _revision, op) => markNotValid(context, op));
  return rewriter.chain((context, _revision, directives) => {
    const dialect = context.dialect;
    if (!dialect.capabilities.notValidConstraints) return;
    for (const script of splittable(directives)) {
      const created = createdTables(script, dialect);
      const notValid = (op: MigrateOperation): op is Validatable => marked.has(op);
      const validations: MigrateOperation[] = [];
      extractOps(
        script,
        () => false,
        (op) => {
          if (!notValid(op)) return [op];
          if (created.has(tableKey(op, dialect))) return [withNotValid(op, false)];
          validations.push(new ValidateConstraintOp(op.constraint.name!, op.tableName, { schema: op.schema }));
          return [op];
        },
      );
      // Validating changes nothing a downgrade must undo: the first migration's downgrade drops the constraints.
      if (validations.length) addStepAfter(directives, script, validations, [], { message: "constraints validated" });
    }
  });
}

/** The op with its constraint NOT VALID, or valid again. */
function withNotValid<T extends Validatable>(op: T, notValid: boolean): T {
  const c = op.constraint;
  const constraint = c instanceof CheckConstraint ? new CheckConstraint({ ...c, notValid }) : new ForeignKeyConstraint({ ...(c as ForeignKeyConstraint), notValid });
  return (op as Validatable).with({ constraint } as never) as T;
}
