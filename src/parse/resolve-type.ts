import { domainTypeName, enumType, scalarType, type Domain, type Enum, type SqlType, type TypeSpec } from "../model/index.js";
import type { TypeNode } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { didYouMean } from "./suggest.js";

export interface ResolvedType {
  readonly type: SqlType;
  /** The type was sugar for `@default(autoincrement())` (`serial`). */
  readonly autoincrement: boolean;
  /** The enum the type names, for checking defaults. */
  readonly enumDecl?: Enum;
}

/**
 * A written type → its canonical model value: enum names become enum
 * references, aliases their canonical type, `serial` an integer with
 * autoincrement. Parameters are checked against the type's spec.
 */
export function resolveType(ctx: BuildContext, node: TypeNode): ResolvedType | undefined {
  // Most columns repeat a handful of types: resolve each spelling once. Only
  // successes are cached, so every wrong type is still reported where it is.
  const key = cacheKey(node);
  const cached = ctx.resolvedTypes.get(key);
  if (cached) return cached;
  const resolved = resolveUncached(ctx, node);
  if (resolved) ctx.resolvedTypes.set(key, resolved);
  return resolved;
}

function cacheKey(node: TypeNode): string {
  const parts = node.name.parts;
  // The common case, a bare unquoted name, is its own key: every other key has a \u0003 in it.
  if (parts.length === 1 && !parts[0].quoted && node.args.length === 0 && !node.unsigned && !node.zerofill && node.arrayDims === 0) return parts[0].text;
  // A quoted name may mean something else than the same name bare (SQLite's declared types).
  let key = (parts[0].quoted ? "\u0004" : "") + (parts.length === 1 ? parts[0].text : parts.map((p) => p.text).join("\u0000"));
  for (const arg of node.args) key += typeof arg.value === "number" ? `\u0001${arg.value}` : `\u0002${arg.value}`;
  return `${key}\u0003${node.unsigned ? 1 : 0}${node.zerofill ? 1 : 0}${node.arrayDims}`;
}

function resolveUncached(ctx: BuildContext, node: TypeNode): ResolvedType | undefined {
  const parts = node.name.parts;
  if (parts.length === 1 && parts[0].quoted && ctx.dialect?.declaredType) return resolveDeclared(ctx, node, ctx.dialect.declaredType);
  let enumDecl: Enum | undefined;
  let domain: Domain | undefined;
  let composite: ObjectName | undefined;
  if (parts.length === 2) {
    const name = ctx.qualify(parts[0], parts[1].text);
    if (!name) return undefined;
    enumDecl = ctx.enums.get(name.key);
    domain = ctx.domains.get(name.key);
    composite = ctx.compositeTypes.get(name.key);
  } else if (parts.length === 1) {
    enumDecl = ctx.enums.get(parts[0].text);
    domain = ctx.domains.get(parts[0].text);
    composite = ctx.compositeTypes.get(parts[0].text);
  }
  if (composite) return resolveComposite(ctx, node, composite);
  if (enumDecl) return resolveEnum(ctx, node, enumDecl);
  if (domain) return resolveDomain(ctx, node, domain);
  const spec = parts.length === 1 ? ctx.typeSpecs.get(parts[0].text) : undefined;
  if (!spec && parts.length === 1 && parts[0].quoted) {
    // A quoted type name is the escape hatch for types strata has no spec for
    // (a domain, an extension's type): passed through as written, unchecked.
    if (!checkModifiers(ctx, node)) return undefined;
    const extra = { unsigned: node.unsigned, zerofill: node.zerofill, arrayDims: node.arrayDims };
    return { type: scalarType(parts[0].text, node.args.map((a) => a.value), extra), autoincrement: false };
  }
  if (!spec) {
    const written = parts.map((p) => p.text).join(".");
    ctx.error(node.name, `unknown type "${written}"${didYouMean(written, [...ctx.typeSpecs.keys(), ...ctx.enums.keys(), ...ctx.domains.keys(), ...ctx.compositeTypes.keys()])}`);
    return undefined;
  }
  if (!checkModifiers(ctx, node) || !checkArgs(ctx, node, spec)) return undefined;
  const canonical = canonicalSpec(ctx, spec);
  const args = node.args.map((a) => a.value);
  const extra = { unsigned: node.unsigned, zerofill: node.zerofill, arrayDims: node.arrayDims };
  if (canonical.expandsTo) {
    return { type: scalarType(canonical.expandsTo.name, args, extra), autoincrement: true };
  }
  return { type: scalarType(canonical.name, args, extra), autoincrement: false };
}

/** SQLite: a quoted type is the declared type, whole and verbatim (`"INT"`, `"DECIMAL(4,2)"`). */
function resolveDeclared(ctx: BuildContext, node: TypeNode, declaredType: (text: string) => SqlType): ResolvedType | undefined {
  const text = node.name.parts[0].text;
  if (node.args.length || node.unsigned || node.zerofill || node.arrayDims) {
    ctx.error(node, `write the declared type whole inside the quotes, like "${text}(10)"`);
    return undefined;
  }
  return { type: declaredType(text), autoincrement: false };
}

function resolveEnum(ctx: BuildContext, node: TypeNode, decl: Enum): ResolvedType | undefined {
  if (node.args.length) {
    ctx.error(node.args[0], `enum type "${decl.key}" takes no parameters`);
    return undefined;
  }
  if (node.unsigned || node.zerofill) {
    ctx.error(node, `enum type "${decl.key}" cannot be ${node.unsigned ? "unsigned" : "zerofill"}`);
    return undefined;
  }
  if (!checkModifiers(ctx, node)) return undefined;
  return { type: enumType(decl.name, decl.schema, node.arrayDims), autoincrement: false, enumDecl: decl };
}

/** A composite type is named as the database spells it, as a domain is; it takes no parameters. */
function resolveComposite(ctx: BuildContext, node: TypeNode, type: ObjectName): ResolvedType | undefined {
  if (node.args.length) {
    ctx.error(node.args[0], `composite type "${type.key}" takes no parameters`);
    return undefined;
  }
  if (!checkModifiers(ctx, node)) return undefined;
  return { type: scalarType(domainTypeName(type), [], { arrayDims: node.arrayDims }), autoincrement: false };
}

/** A domain is named as the database spells it (domainTypeName); it takes no parameters. */
function resolveDomain(ctx: BuildContext, node: TypeNode, domain: Domain): ResolvedType | undefined {
  if (node.args.length) {
    ctx.error(node.args[0], `domain "${domain.key}" takes no parameters`);
    return undefined;
  }
  if (!checkModifiers(ctx, node)) return undefined;
  return { type: scalarType(domainTypeName(domain), [], { arrayDims: node.arrayDims }), autoincrement: false };
}

function checkModifiers(ctx: BuildContext, node: TypeNode): boolean {
  const arraysOk = node.arrayDims === 0 || ctx.requires("arrays", node);
  const unsignedOk = !(node.unsigned || node.zerofill) || ctx.requires("unsignedIntegers", node);
  return arraysOk && unsignedOk;
}

/** Follows `aliasOf` to the spelling the model stores (`int` → `integer`). */
function canonicalSpec(ctx: BuildContext, spec: TypeSpec): TypeSpec {
  let current = spec;
  for (let hops = 0; current.aliasOf !== undefined && hops < 8; hops++) {
    const target = ctx.typeSpecs.get(current.aliasOf);
    if (!target) break;
    current = target;
  }
  // An alias with no spec of its own keeps the alias's target name.
  return current.aliasOf !== undefined ? { ...current, name: current.aliasOf } : current;
}

function checkArgs(ctx: BuildContext, node: TypeNode, spec: TypeSpec): boolean {
  const args = node.args;
  if (spec.stringParams) {
    const bad = args.find((a) => typeof a.value !== "string");
    if (bad || args.length === 0) {
      ctx.error(bad ?? node, `type "${spec.name}" takes a list of strings, like ${spec.name}('a', 'b')`);
      return false;
    }
    return true;
  }
  const params = spec.params;
  if (!params) {
    if (args.length === 0) return true;
    ctx.error(args[0], `type "${spec.name}" takes no parameters`);
    return false;
  }
  if (args.length < params.min || args.length > params.max) {
    const count = params.min === params.max ? `${params.min}` : params.min === 0 ? `at most ${params.max}` : `${params.min} to ${params.max}`;
    const plural = params.max === 1 ? "parameter" : "parameters";
    ctx.error(node, `type "${spec.name}" takes ${count} ${plural} (${params.names.join(", ")}), got ${args.length}`);
    return false;
  }
  let ok = true;
  args.forEach((arg, i) => {
    const what = `${spec.name} ${params.names[i] ?? "parameter"}`;
    const [lo, hi] = params.ranges[i] ?? [-Infinity, Infinity];
    if (typeof arg.value !== "number" || !Number.isInteger(arg.value)) {
      ctx.error(arg, `${what} must be a whole number, got ${typeof arg.value === "string" ? `'${arg.value}'` : arg.value}`);
      ok = false;
    } else if (arg.value < lo || arg.value > hi) {
      ctx.error(arg, `${what} must be between ${lo} and ${hi}, got ${arg.value}`);
      ok = false;
    }
  });
  const p = params.names.indexOf("precision");
  const s = params.names.indexOf("scale");
  if (ok && p >= 0 && s >= 0 && args.length > s && (args[s].value as number) > (args[p].value as number)) {
    ctx.error(args[s], `${spec.name} scale ${args[s].value} is larger than its precision ${args[p].value}`);
    ok = false;
  }
  return ok;
}
