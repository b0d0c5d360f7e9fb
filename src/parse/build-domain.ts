import { CheckConstraint, Domain, type DefaultValue } from "../model/index.js";
import type { DomainDecl } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { readArgs, readSql, readString, type Signature } from "./read-args.js";
import { readDefault } from "./read-default.js";
import { resolveType } from "./resolve-type.js";
import { didYouMean } from "./suggest.js";

const DOMAIN_ATTRIBUTES: Record<string, Signature> = {
  check: { positional: ["expression"], required: 1, named: ["name"], usage: '@check(sql("VALUE > 0"), name: "ck_x")' },
  default: { positional: ["value"], required: 1, named: [], usage: "@default(value)" },
  collate: { positional: ["collation"], required: 1, named: [], usage: '@collate("C")' },
};

/**
 * `domain posint integer? @check(sql("VALUE > 0")) @default(1)`: the base
 * type is read as a column's, NOT NULL unless it ends in `?` (as a column),
 * checks name the value `VALUE`.
 */
export function buildDomain(ctx: BuildContext, decl: DomainDecl, name: ObjectName): Domain | undefined {
  if (!ctx.requires("domains", decl)) return undefined;
  const resolved = resolveType(ctx, decl.type);
  if (resolved?.autoincrement) ctx.error(decl.type, `a domain cannot be ${decl.type.name.parts[0].text}: give its columns autoincrement() instead`);
  const checks: CheckConstraint[] = [];
  let dflt: DefaultValue | undefined;
  let collation: string | undefined;
  let ok = resolved !== undefined && !resolved.autoincrement;
  for (const attr of decl.attributes) {
    const signature = DOMAIN_ATTRIBUTES[attr.name];
    if (!signature) {
      const known = Object.keys(DOMAIN_ATTRIBUTES).map((a) => `@${a}`);
      ctx.error(attr, `unknown domain attribute "@${attr.name}"${didYouMean(`@${attr.name}`, known)}`);
      ok = false;
      continue;
    }
    if (attr.name !== "check" && ((attr.name === "default" && dflt !== undefined) || (attr.name === "collate" && collation !== undefined))) {
      ctx.error(attr, `duplicate @${attr.name} on domain "${name.key}"`);
      ok = false;
      continue;
    }
    const args = readArgs(ctx, attr, "@", signature);
    if (!args) {
      ok = false;
      continue;
    }
    const [first] = args.positional;
    if (attr.name === "check") {
      const expression = readSql(ctx, first);
      const nameValue = args.named.get("name");
      const checkName = nameValue ? readString(ctx, nameValue) : undefined;
      if (expression === undefined || (nameValue && checkName === undefined)) ok = false;
      else if (checkName !== undefined && checks.some((c) => c.name === checkName)) {
        ctx.error(nameValue!, `duplicate check "${checkName}" on domain "${name.key}"`);
        ok = false;
      } else checks.push(new CheckConstraint({ name: checkName, expression }));
    } else if (attr.name === "default") {
      dflt = resolved ? readDefault(ctx, first, resolved.enumDecl) : undefined;
      if (dflt === undefined) ok = false;
    } else {
      collation = readString(ctx, first);
      if (collation === undefined) ok = false;
    }
  }
  if (!ok || !resolved) return undefined;
  return new Domain({ name: name.name, schema: name.schema, type: resolved.type, nullable: decl.nullable, default: dflt, checks, collation });
}
