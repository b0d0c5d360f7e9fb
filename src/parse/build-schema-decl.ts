import type { SchemaDecl } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { readArgs, readString, type Signature } from "./read-args.js";
import { didYouMean } from "./suggest.js";

const SCHEMA_ATTRIBUTES: Record<string, Signature> = {
  comment: { positional: ["text"], required: 1, named: [], usage: '@comment("...")' },
};

/** The comment of `schema audit @comment("...")`, its only attribute; undefined without one (or on an error, reported). */
export function readSchemaComment(ctx: BuildContext, decl: SchemaDecl, schema: string): string | undefined {
  let comment: string | undefined;
  let seen = false;
  for (const attr of decl.attributes) {
    const signature = SCHEMA_ATTRIBUTES[attr.name];
    if (!signature) {
      ctx.error(attr, `unknown schema attribute "@${attr.name}"${didYouMean(`@${attr.name}`, Object.keys(SCHEMA_ATTRIBUTES).map((a) => `@${a}`))}`);
      continue;
    }
    if (seen) {
      ctx.error(attr, `duplicate @${attr.name} on schema "${schema}"`);
      continue;
    }
    seen = true;
    const args = readArgs(ctx, attr, "@", signature);
    if (args && ctx.requires("comments", attr)) comment = readString(ctx, args.positional[0]);
  }
  return comment;
}
