import {
  ForeignKeyConstraint,
  formatType,
  MetaData,
  Table,
  typesEqual,
  type CompositeType,
  type Enum,
  type Extension,
  type Policy,
  type Routine,
  type Sequence,
  type Trigger,
  type View,
} from "../model/index.js";
import type { Declaration, DomainDecl, Pos, RoutineDecl } from "../../grammar/ast.js";
import { BuildContext, type ObjectName } from "./build-context.js";
import { buildEnum, buildSequence, buildView } from "./build-schema-objects.js";
import { buildCompositeType } from "./build-composite-type.js";
import { buildDomain } from "./build-domain.js";
import { buildPolicy } from "./build-policies.js";
import { buildExtension } from "./build-extension.js";
import { readSettings } from "./build-settings.js";
import { buildRoutine } from "./build-routines.js";
import { buildTable } from "./build-table.js";
import { buildTrigger } from "./build-triggers.js";
import { readSchemaComment } from "./build-schema-decl.js";
import type { DiagnosticBag } from "./diagnostic.js";
import type { Located, SchemaDeclarations } from "./schema-declarations.js";
import { didYouMean } from "./suggest.js";
import type { TableBuildCache } from "./table-build-cache.js";
import type { PendingForeignKey, TableDraft } from "./table-draft.js";

/**
 * Gives meaning to the declarations of all files of a schema: one model,
 * every semantic mistake reported. Enums are read first (columns name
 * them), then tables, then foreign keys (which may point at any table),
 * then views and sequences. Returns the model only when nothing was wrong.
 * With a cache, tables read by an earlier compile of the model are reused
 * (see TableBuildCache).
 */
export function buildModel(
  declarations: SchemaDeclarations,
  bag: DiagnosticBag,
  env: Readonly<Record<string, string | undefined>>,
  portableDialect?: string,
  cache?: TableBuildCache,
  warnings?: DiagnosticBag,
): MetaData | undefined {
  const others = declarations.others;
  const of = <K extends Exclude<Declaration["kind"], "table">>(kind: K) =>
    others.filter((d): d is Located<Extract<Declaration, { kind: K }>> => d.decl.kind === kind);

  const settings = readSettings(of("database"), bag, env, portableDialect);
  const ctx = new BuildContext(bag, settings.dialect, warnings);
  const relations = new Map<string, string>();
  const claim = (name: ObjectName, kind: string, pos: Pos): boolean => {
    const existing = relations.get(name.key);
    if (existing === undefined) {
      relations.set(name.key, kind);
      return true;
    }
    ctx.error(pos, existing === kind ? `duplicate ${kind} "${name.key}"` : `"${name.key}" is already declared as a ${existing}`);
    return false;
  };

  for (const { path, decl } of of("enum")) {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    if (!name) continue;
    if (ctx.enums.has(name.key)) {
      ctx.error(decl.name, `duplicate enum "${name.key}"`);
      continue;
    }
    const built = buildEnum(ctx, decl, name);
    if (built) ctx.enums.set(name.key, built);
  }

  // Composite types are named before domains and built after them: a domain may be over one, and one may hold a domain.
  const compositeDecls = of("type").flatMap(({ path, decl }) => {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    if (!name || !claim(name, "type", decl.name)) return [];
    if (ctx.enums.has(name.key)) {
      ctx.error(decl.name, `"${name.key}" is already declared as an enum`);
      return [];
    }
    ctx.compositeTypes.set(name.key, name);
    return [{ path, decl, name }];
  });

  // Domains after enums (a domain may be over one), before tables (columns name them),
  // each after the domain it is over.
  for (const { path, decl } of basesFirst(of("domain"), ctx.dialect?.defaultSchema)) {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    if (!name || !claim(name, "domain", decl.name)) continue;
    if (ctx.enums.has(name.key)) {
      ctx.error(decl.name, `"${name.key}" is already declared as an enum`);
      continue;
    }
    const domain = buildDomain(ctx, decl, name);
    if (domain) ctx.domains.set(name.key, domain);
  }

  const compositeTypes: CompositeType[] = [];
  for (const { path, decl, name } of compositeDecls) {
    ctx.path = path;
    const built = buildCompositeType(ctx, decl, name);
    if (built) compositeTypes.push(built);
  }

  const drafts = new Map<string, TableDraft>();
  cache?.begin(settings.dialect, others.map((d) => d.decl));
  for (const { path, decl } of declarations.tables()) {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    if (!name || !claim(name, "table", decl.name)) continue;
    drafts.set(name.key, cache ? cache.table(ctx, decl, () => buildTable(ctx, decl, name)) : buildTable(ctx, decl, name));
  }
  const tables = [...drafts.values()].map((draft) => finishTable(ctx, draft, drafts));

  const views: View[] = [];
  for (const { path, decl } of of("view")) {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    if (!name || !claim(name, "view", decl.name)) continue;
    const view = buildView(ctx, decl, name);
    if (view) views.push(view);
  }
  const sequences: Sequence[] = [];
  for (const { path, decl } of of("sequence")) {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    if (!name || !claim(name, "sequence", decl.name)) continue;
    const sequence = buildSequence(ctx, decl, name);
    if (sequence) sequences.push(sequence);
  }

  const extensions = new Map<string, Extension>();
  for (const { path, decl } of of("extension")) {
    ctx.path = path;
    const extension = buildExtension(ctx, decl);
    if (!extension) continue;
    if (extensions.has(extension.key)) ctx.error(decl.name, `duplicate extension "${extension.key}"`);
    else extensions.set(extension.key, extension);
  }
  const routines = new Map<string, Routine>();
  const routineDecls = others.filter((d): d is Located<RoutineDecl> => d.decl.kind === "function" || d.decl.kind === "procedure" || d.decl.kind === "aggregate");
  for (const { path, decl } of routineDecls) {
    ctx.path = path;
    const name = ctx.objectName(decl.name);
    const routine = name && buildRoutine(ctx, decl, name);
    if (!routine) continue;
    // Without overloads a name is one routine, whatever its arguments.
    const key = ctx.dialect?.capabilities.routineOverloading === false ? routine.nameKey : routine.key;
    if (routines.has(key)) ctx.error(decl.name, `duplicate ${routine.kind} "${key}"`);
    else routines.set(key, routine);
  }
  const triggers = new Map<string, Trigger>();
  for (const { path, decl } of others.filter((d): d is Located<RoutineDecl> => d.decl.kind === "trigger")) {
    ctx.path = path;
    const trigger = buildTrigger(ctx, decl, (key) => relations.get(key));
    if (!trigger) continue;
    if (triggers.has(trigger.key)) ctx.error(decl.name, `duplicate trigger "${trigger.name}" on table "${trigger.tableKey}"`);
    else triggers.set(trigger.key, trigger);
  }
  const declaredSchemas = new Set<string>();
  const schemaComments = new Map<string, string>();
  for (const { path, decl } of of("schema")) {
    ctx.path = path;
    if (!ctx.requires("schemas", decl)) continue;
    if (decl.name.parts.length > 1) {
      ctx.error(decl.name, "a schema's name is a single name");
      continue;
    }
    const schema = decl.name.parts[0].text;
    const comment = readSchemaComment(ctx, decl, schema);
    if (declaredSchemas.has(schema)) ctx.error(decl.name, `duplicate schema "${schema}"`);
    // The default schema is always there: naming it declares nothing.
    else if (schema !== ctx.dialect?.defaultSchema) {
      declaredSchemas.add(schema);
      if (comment !== undefined) schemaComments.set(schema, comment);
    }
  }
  const policies = new Map<string, Policy>();
  for (const { path, decl } of others.filter((d): d is Located<RoutineDecl> => d.decl.kind === "policy")) {
    ctx.path = path;
    const policy = buildPolicy(ctx, decl, relations);
    if (!policy) continue;
    if (policies.has(policy.key)) ctx.error(decl.name, `duplicate policy "${policy.name}" on table "${policy.tableKey}"`);
    else policies.set(policy.key, policy);
  }

  if (bag.hasErrors) return undefined;
  const enums: Enum[] = [...ctx.enums.values()];
  return new MetaData({
    database: settings.database,
    tables,
    enums,
    views,
    sequences,
    extensions: extensions.values(),
    domains: ctx.domains.values(),
    compositeTypes,
    routines: routines.values(),
    triggers: triggers.values(),
    policies: policies.values(),
    declaredSchemas,
    schemaComments,
  });
}

/**
 * Domain declarations with the domains they are over first, whatever order
 * the files give them in (`pull` writes them by name). A cycle is left as
 * it comes: the type that is not declared yet is then reported unknown.
 */
function basesFirst(decls: ReadonlyArray<Located<DomainDecl>>, defaultSchema: string | undefined): Array<Located<DomainDecl>> {
  const keyOf = (parts: readonly { text: string }[]) =>
    parts.length === 2 && parts[0].text !== defaultSchema ? `${parts[0].text}.${parts[1].text}` : parts[parts.length - 1].text;
  const byKey = new Map(decls.map((d) => [keyOf(d.decl.name.parts), d]));
  const out: Array<Located<DomainDecl>> = [];
  const seen = new Set<Located<DomainDecl>>();
  const visit = (d: Located<DomainDecl>) => {
    if (seen.has(d)) return;
    seen.add(d);
    const base = byKey.get(keyOf(d.decl.type.name.parts));
    if (base) visit(base);
    out.push(d);
  };
  decls.forEach(visit);
  return out;
}

function finishTable(ctx: BuildContext, draft: TableDraft, drafts: ReadonlyMap<string, TableDraft>): Table {
  const foreignKeys = draft.foreignKeys.flatMap((fk) => {
    ctx.path = fk.path;
    const built = resolveForeignKey(ctx, fk, drafts);
    if (built) warnOnTypeMismatch(ctx, fk, draft, drafts.get(fk.target.key)!);
    return built ? [built] : [];
  });
  for (const { parent, pos, path } of draft.parents) {
    ctx.path = path;
    if (!drafts.has(parent.key)) ctx.error(pos, `unknown table "${parent.key}"${didYouMean(parent.key, drafts.keys())}`);
    else if (parent.key === draft.name.key) ctx.error(pos, `table "${parent.key}" cannot be its own parent`);
    else if (draft.options.partitionOf === parent.key && drafts.get(parent.key)!.options.partitionBy === undefined) {
      ctx.error(pos, `table "${parent.key}" is not partitioned: give it @@partitionBy(range, [column])`);
    }
  }
  return new Table({
    name: draft.name.name,
    schema: draft.name.schema,
    columns: draft.columns,
    primaryKey: draft.primaryKey,
    foreignKeys,
    uniqueConstraints: draft.uniques,
    checkConstraints: draft.checks,
    indexes: draft.indexes,
    comment: draft.comment,
    options: draft.options,
    renamedFrom: draft.renamedFrom,
  });
}

/**
 * A lint, not an error: a column whose type is not its target's holds values
 * the key cannot (or the other way round), so some rows can never match.
 */
function warnOnTypeMismatch(ctx: BuildContext, fk: PendingForeignKey, source: TableDraft, target: TableDraft): void {
  fk.columns.forEach((column, i) => {
    const from = source.columns.find((c) => c.name === column.text)?.type;
    const to = target.columns.find((c) => c.name === fk.targetColumns[i]!.text)?.type;
    if (!from || !to || typesEqual(from, to)) return;
    const where = `${source.name.key}.${column.text}`;
    const referenced = `${fk.target.key}.${fk.targetColumns[i]!.text}`;
    ctx.warn(column, `${where} is ${formatType(from)} but references ${referenced}, which is ${formatType(to)}: the types differ`);
  });
}

/**
 * The target table and columns must exist. Their types may differ: every
 * database accepts an integer column referencing a bigint key (real schemas
 * have them), and what the database accepts the language accepts.
 */
function resolveForeignKey(
  ctx: BuildContext,
  fk: PendingForeignKey,
  drafts: ReadonlyMap<string, TableDraft>,
): ForeignKeyConstraint | undefined {
  const target = drafts.get(fk.target.key);
  if (!target) {
    ctx.error(fk.targetPos, `unknown table "${fk.target.key}"${didYouMean(fk.target.key, drafts.keys())}`);
    return undefined;
  }
  if (!target.checkColumns(fk.targetColumns)) return undefined;
  // Frozen here, the lists and the target are kept as they are rather than copied (model/frozen.ts).
  const ref = fk.target.schema !== undefined ? { name: fk.target.name, schema: fk.target.schema } : { name: fk.target.name };
  return new ForeignKeyConstraint({
    ...fk.options,
    columns: Object.freeze(fk.columns.map((c) => c.text)),
    target: Object.freeze(ref),
    targetColumns: Object.freeze(fk.targetColumns.map((c) => c.text)),
  });
}
