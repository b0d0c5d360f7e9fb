import { formatType, tableKey, type CompositeType, type Domain, type MetaData } from "../model/index.js";
import type { Policy, Routine, Trigger } from "../model/index.js";
import {
  AlterCompositeTypeOp,
  AlterDomainOp,
  AlterExtensionOp,
  AlterPolicyOp,
  CreateCompositeTypeOp,
  CreateDomainOp,
  CreateExtensionOp,
  CreateFunctionOp,
  CreatePolicyOp,
  CreateTriggerOp,
  CreateViewOp,
  DropCompositeTypeOp,
  DropDomainOp,
  DropExtensionOp,
  DropFunctionOp,
  DropPolicyOp,
  DropTriggerOp,
  DropViewOp,
  ReplaceFunctionOp,
  ReplaceTriggerOp,
  ReplaceViewOp,
  type MigrateOperation,
} from "../ops/index.js";
import { Phase, type OrderedObject } from "./order-objects.js";

/**
 * How orderOps places the ops of object kinds that depend on others by
 * their SQL. `creates` says whether the op brings the object (or its new
 * definition) into being, so it goes after what it reads; a drop goes
 * before. `describe` names the object and the text that names what it
 * needs; `database` is the model before the migration (a drop op may not
 * carry its object). A new kind is one entry per op class here.
 */
export interface OrderedKind {
  readonly opClass: abstract new (...args: never[]) => MigrateOperation;
  readonly creates: boolean;
  describe(op: MigrateOperation, database: MetaData): OrderedObject;
}

function kind<T extends MigrateOperation>(
  opClass: abstract new (...args: never[]) => T,
  creates: boolean,
  describe: (op: T, database: MetaData) => OrderedObject,
): OrderedKind {
  return { opClass, creates, describe: describe as OrderedKind["describe"] };
}

/** An extension needs nothing strata orders; what uses its types names it (`citext`) and comes after it. */
const extensionObject = (name: string): OrderedObject => ({ key: `extension ${name}`, name, text: undefined, phase: Phase.extension });

/**
 * A domain needs its base type (an enum, an extension's type, another
 * domain) and what its checks and default call. Quoted strings are left
 * out of its text: a check listing values (`VALUE IN ('user', ...)`) names
 * no table, and must not wait for one.
 */
const domainObject = (d: Domain): OrderedObject => ({
  key: `domain ${d.key}`,
  name: d.name,
  text: [formatType(d.type), ...d.checks.map((c) => c.expression), d.default?.kind === "sql" ? d.default.sql : undefined]
    .filter((x) => x !== undefined)
    .join(" ")
    .replace(/'(?:[^']|'')*'/g, "''"),
  phase: Phase.type,
  types: [formatType(d.type)],
});

/** A composite type needs the types of its attributes (an enum, a domain, another composite type). */
const compositeTypeObject = (t: CompositeType): OrderedObject => ({
  key: `type ${t.key}`,
  name: t.name,
  text: t.attributes.map((a) => formatType(a.type)).join(" "),
  phase: Phase.type,
  types: t.attributes.map((a) => formatType(a.type)),
});

const viewObject = (key: string, name: string, text: string | undefined): OrderedObject => ({ key: `view ${key}`, name, text, phase: Phase.view });

/**
 * A routine needs what its signature names (a table's row type, a view's):
 * its body is not checked against the database when it is created (MySQL
 * never checks; PostgreSQL's DDL turns check_function_bodies off, as
 * pg_dump does), so a function reading a table may come before it and a
 * table's default or check may call it. An aggregate needs its functions.
 */
const routineObject = (r: Routine): OrderedObject => ({
  key: `function ${r.key}`,
  name: r.name,
  text: [r.arguments, r.returns, r.stateFunction, r.stateType, r.finalFunction, r.combineFunction].filter((x) => x !== undefined).join(" "),
  phase: Phase.function,
});

/** A trigger needs its table and what its call or body names. */
const triggerObject = (t: Trigger): OrderedObject => ({
  key: `trigger ${t.key}`,
  name: t.name,
  text: [t.table, t.execute, t.body, t.when, t.from, t.follows].filter((x) => x !== undefined).join(" "),
  phase: Phase.trigger,
});

/** A policy needs its table and what its expressions name (functions, other tables). */
const policyObject = (p: Policy): OrderedObject => ({
  key: `policy ${p.key}`,
  name: p.name,
  text: [p.table, p.using, p.check].filter((x) => x !== undefined).join(" "),
  phase: Phase.policy,
});

export const ORDERED_KINDS: readonly OrderedKind[] = [
  kind(CreateExtensionOp, true, ({ extension }) => extensionObject(extension.name)),
  kind(AlterExtensionOp, true, ({ to }) => extensionObject(to.name)),
  kind(DropExtensionOp, false, (op) => extensionObject(op.extensionName)),
  kind(CreateDomainOp, true, ({ domain }) => domainObject(domain)),
  kind(AlterDomainOp, true, ({ to }) => domainObject(to)),
  kind(DropDomainOp, false, (op, database) => {
    const key = tableKey({ schema: op.schema, name: op.domainName });
    const domain = op.domain ?? database.domains.get(key);
    return domain ? domainObject(domain) : { key: `domain ${key}`, name: op.domainName, text: undefined, phase: Phase.type };
  }),
  kind(CreateCompositeTypeOp, true, ({ compositeType }) => compositeTypeObject(compositeType)),
  kind(AlterCompositeTypeOp, true, ({ to }) => compositeTypeObject(to)),
  kind(DropCompositeTypeOp, false, (op, database) => {
    const key = tableKey({ schema: op.schema, name: op.typeName });
    const type = op.compositeType ?? database.compositeTypes.get(key);
    return type ? compositeTypeObject(type) : { key: `type ${key}`, name: op.typeName, text: undefined, phase: Phase.type };
  }),
  kind(CreateViewOp, true, ({ view }) => viewObject(view.key, view.name, view.definition)),
  kind(ReplaceViewOp, true, ({ view }) => viewObject(view.key, view.name, view.definition)),
  kind(DropViewOp, false, (op, database) => {
    const key = tableKey({ schema: op.schema, name: op.viewName });
    return viewObject(key, op.viewName, (op.view ?? database.views.get(key))?.definition);
  }),
  kind(CreateFunctionOp, true, ({ routine }) => routineObject(routine)),
  kind(ReplaceFunctionOp, true, ({ routine }) => routineObject(routine)),
  kind(DropFunctionOp, false, (op) =>
    op.routine
      ? routineObject(op.routine)
      : { key: `function ${tableKey({ schema: op.schema, name: op.functionName })}(${op.arguments ?? ""})`, name: op.functionName, text: undefined, phase: Phase.function },
  ),
  kind(CreateTriggerOp, true, ({ trigger }) => triggerObject(trigger)),
  kind(ReplaceTriggerOp, true, ({ trigger }) => triggerObject(trigger)),
  kind(DropTriggerOp, false, (op) =>
    op.trigger
      ? triggerObject(op.trigger)
      : { key: `trigger ${op.schema ?? ""}.${op.tableName}/${op.triggerName}`, name: op.triggerName, text: op.tableName, phase: Phase.trigger },
  ),
  kind(CreatePolicyOp, true, ({ policy }) => policyObject(policy)),
  kind(AlterPolicyOp, true, ({ policy }) => policyObject(policy)),
  kind(DropPolicyOp, false, (op) =>
    op.policy
      ? policyObject(op.policy)
      : { key: `policy ${tableKey({ schema: op.schema, name: op.tableName })}/${op.policyName}`, name: op.policyName, text: op.tableName, phase: Phase.policy },
  ),
];

/** The entry for an op, if its class (or a superclass) has one. */
export function orderedKindOf(op: MigrateOperation): OrderedKind | undefined {
  return ORDERED_KINDS.find((k) => op instanceof k.opClass);
}
