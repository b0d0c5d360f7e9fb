import { PUBLIC_ROLE, type Policy } from "../model/index.js";
import { NO_POS, type Assignment, type Declaration, type Value } from "../../grammar/ast.js";
import { syntax } from "./model-to-ast.js";

function setting(key: string, value: Value): Assignment {
  return { key: syntax.name(key), value, ...NO_POS };
}

/** `policy name { on = table ... }`: what differs from the defaults (for all, to [public], as permissive), expressions as sql("..."). */
export function policyDecl(policy: Policy): Declaration {
  const fields: Assignment[] = [setting("on", syntax.word(...(policy.schema !== undefined ? [policy.schema, policy.table] : [policy.table])))];
  if (policy.command !== "all") fields.push(setting("for", syntax.word(policy.command)));
  if (policy.roles.length !== 1 || policy.roles[0] !== PUBLIC_ROLE) fields.push(setting("to", syntax.names(policy.roles)));
  if (policy.restrictive) fields.push(setting("as", syntax.word("restrictive")));
  if (policy.using !== undefined) fields.push(setting("using", syntax.sql(policy.using)));
  if (policy.check !== undefined) fields.push(setting("check", syntax.sql(policy.check)));
  if (policy.comment !== undefined) fields.push(setting("comment", syntax.string(policy.comment)));
  return { kind: "policy", name: syntax.qualified(policy.name), fields, ...NO_POS, bodyOffset: 0 };
}
