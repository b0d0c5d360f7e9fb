import type { Table } from "../model/index.js";
import { CreateTableCommentOp, DropTableCommentOp, type ModifyTableOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";

export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "tableComment" })(compareTableComment);
}

function compareTableComment(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable || !ctx.dialect.capabilities.comments || connTable.comment === metaTable.comment) return;
  if (metaTable.comment === undefined) {
    modifyOps.ops.push(new DropTableCommentOp(tableName, { schema, existingComment: connTable.comment }));
  } else {
    modifyOps.ops.push(new CreateTableCommentOp(tableName, metaTable.comment, { schema, existingComment: connTable.comment }));
  }
}
