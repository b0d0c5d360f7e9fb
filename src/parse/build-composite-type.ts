import { CompositeType } from "../model/index.js";
import type { CompositeTypeDecl } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { buildColumn } from "./build-column.js";
import { TableDraft } from "./table-draft.js";

/** What an attribute of a composite type may say besides its type: PostgreSQL keeps nothing else for one. */
const ATTRIBUTE_ATTRIBUTES = new Set(["collate"]);

/**
 * `type geo.point { x integer?  y integer?  label text? @collate("C") }`:
 * attributes read like columns, each nullable (PostgreSQL has no NOT NULL,
 * default or key for them, so writing one is an error).
 */
export function buildCompositeType(ctx: BuildContext, decl: CompositeTypeDecl, name: ObjectName): CompositeType | undefined {
  if (!ctx.requires("compositeTypes", decl)) return undefined;
  const draft = new TableDraft(ctx, name);
  let ok = true;
  for (const member of decl.members) {
    if (member.kind === "tableAttribute") {
      ctx.error(member.attribute, `@@${member.attribute.name} is a table's: a composite type has attributes only`);
      ok = false;
      continue;
    }
    const other = member.attributes.find((a) => !ATTRIBUTE_ATTRIBUTES.has(a.name));
    if (other) {
      ctx.error(other, `@${other.name} is not for an attribute of a composite type (it takes a type and @collate only)`);
      ok = false;
      continue;
    }
    if (!member.nullable) {
      ctx.error(member.type, `an attribute of a composite type cannot be NOT NULL: write ${member.name.text} with a nullable type (ending in ?)`);
      ok = false;
      continue;
    }
    buildColumn(ctx, member, draft);
  }
  draft.seal();
  return ok ? new CompositeType({ name: name.name, schema: name.schema, attributes: draft.columns }) : undefined;
}
