import { dialectNamed } from "../dialects/registry.js";
import { domainTypeName, PORTABLE_TYPES, type Column, type Domain, type Extension, type ForeignKeyConstraint, type MetaData, type Sequence, type Table, type UniqueConstraint, type Deferral } from "../model/index.js";
import { NO_POS, type Argument, type Attribute, type ColumnNode, type Declaration, type TableMember } from "../../grammar/ast.js";
import { TABLE_OPTION_SYNTAX } from "../parse/read-table-option.js";
import { defaultValue, foreignKeyOptions, indexAttribute, referenceTarget, syntax, typeNode, type TypeNaming } from "./model-to-ast.js";
import { printDocument } from "./print-document.js";
import { policyDecl } from "./print-policies.js";
import { partitioningAttributes } from "./print-partitioning.js";
import { routineDecl, triggerDecl } from "./print-routines.js";

/**
 * The `.schema` text describing a model (what `strata pull` writes), in
 * fmt's canonical form; compiling it gives back an equal model. Everything
 * that has a name is written with it. A single-column unnamed primary key
 * is `@id`; the first single-column unique constraint and foreign key of a
 * column are `@unique` and `@references`; everything else is a `@@`
 * attribute. Checks are always `@@check` (the model keeps them per table).
 */
export function printSchema(metadata: MetaData): string {
  const specs = new Set([...PORTABLE_TYPES, ...(dialectNamed(metadata.dialect)?.nativeTypes ?? [])].map((t) => t.name));
  // Domains and composite types are both named types a column uses by name.
  const domains = new Map<string, { name: string; schema?: string }>(
    [...metadata.domains.values(), ...metadata.compositeTypes.values()].map((d) => [domainTypeName(d), d]),
  );
  const known: TypeNaming = { known: (name) => specs.has(name), domain: (name) => domains.get(name) };
  const declarations: Declaration[] = databaseDecl(metadata);
  // A schema is written for itself when nothing else names it (it holds nothing the model has) or it has a comment.
  const named = new Set(metadata.with({ declaredSchemas: [] }).schemas);
  for (const schema of [...metadata.declaredSchemas].sort()) {
    const comment = metadata.schemaComments.get(schema);
    if (named.has(schema) && comment === undefined) continue;
    const attributes = comment !== undefined ? [syntax.attr("comment", [syntax.arg(syntax.string(comment))])] : [];
    declarations.push({ kind: "schema", name: syntax.qualified(schema), attributes, ...NO_POS });
  }
  for (const e of metadata.extensions.values()) declarations.push(extensionDecl(e));
  for (const e of metadata.enums.values()) {
    declarations.push({ kind: "enum", name: syntax.qualified(e.name, e.schema), values: e.values.map(syntax.name), ...NO_POS, bodyOffset: 0 });
  }
  for (const t of metadata.compositeTypes.values()) {
    const members: TableMember[] = t.attributes.map((a) => columnNode(a, known, false, undefined, undefined));
    declarations.push({ kind: "type", name: syntax.qualified(t.name, t.schema), members, ...NO_POS, bodyOffset: 0 });
  }
  for (const d of metadata.domains.values()) declarations.push(domainDecl(d, known));
  for (const s of metadata.sequences.values()) declarations.push(sequenceDecl(s));
  for (const r of metadata.routines.values()) declarations.push(routineDecl(r));
  for (const t of metadata.tables.values()) declarations.push(tableDecl(t, known));
  for (const v of metadata.views.values()) {
    declarations.push({
      kind: "view",
      materialized: v.materialized,
      name: syntax.qualified(v.name, v.schema),
      definition: syntax.sql(v.definition),
      attributes: [
        ...(v.comment !== undefined ? [syntax.attr("comment", [syntax.arg(syntax.string(v.comment))])] : []),
        ...(v.withNoData ? [syntax.attr("withNoData")] : []),
        ...v.indexes.map(indexAttribute),
      ],
      ...NO_POS,
    });
  }
  for (const t of metadata.triggers.values()) declarations.push(triggerDecl(t));
  for (const p of metadata.policies.values()) declarations.push(policyDecl(p));
  return printDocument(declarations);
}

/** The `database` block; a portable model names no dialect, and has no block when it names no URL either. */
function databaseDecl(metadata: MetaData): Declaration[] {
  const { dialect, url, urlEnv, portable } = metadata.database;
  const fields = portable ? [] : [{ key: syntax.name("dialect"), value: syntax.string(dialect), ...NO_POS }];
  if (urlEnv !== undefined) {
    fields.push({ key: syntax.name("url"), value: syntax.call(["env"], [syntax.arg(syntax.string(urlEnv))]), ...NO_POS });
  } else if (url !== undefined) {
    fields.push({ key: syntax.name("url"), value: syntax.string(url), ...NO_POS });
  }
  return fields.length ? [{ kind: "database", fields, ...NO_POS, bodyOffset: 0 }] : [];
}

/** A version is written only where it was pinned: one the server would install by default is left out. */
function extensionDecl(e: Extension): Declaration {
  const fields = [];
  if (e.schema !== undefined) fields.push({ key: syntax.name("schema"), value: syntax.string(e.schema), ...NO_POS });
  if (e.version !== undefined && e.version !== e.info.defaultVersion) {
    fields.push({ key: syntax.name("version"), value: syntax.string(e.version), ...NO_POS });
  }
  return { kind: "extension", name: syntax.qualified(e.name, undefined), fields, ...NO_POS, bodyOffset: 0 };
}

/** `domain posint integer? @check(sql("VALUE > 0"), name: "posint_check")`. */
function domainDecl(d: Domain, naming: TypeNaming): Declaration {
  const attributes: Attribute[] = [];
  if (d.default !== undefined) attributes.push(syntax.attr("default", [syntax.arg(defaultValue(d.default))]));
  if (d.collation !== undefined) attributes.push(syntax.attr("collate", [syntax.arg(syntax.string(d.collation))]));
  for (const check of d.checks) {
    const name = check.name !== undefined ? [syntax.arg(syntax.string(check.name), "name")] : [];
    attributes.push(syntax.attr("check", [syntax.arg(syntax.sql(check.expression)), ...name]));
  }
  return { kind: "domain", name: syntax.qualified(d.name, d.schema), type: typeNode(d.type, naming), nullable: d.nullable, attributes, ...NO_POS };
}

const SEQUENCE_FIELDS = ["start", "increment", "minValue", "maxValue", "cache", "cycle", "ownedBy"] as const;

function sequenceDecl(s: Sequence): Declaration {
  const fields = SEQUENCE_FIELDS.filter((f) => s[f] !== undefined).map((f) => {
    const v = s[f]!;
    const value = typeof v === "number" ? syntax.number(v) : typeof v === "boolean" ? syntax.word(String(v)) : syntax.string(v);
    return { key: syntax.name(f), value, ...NO_POS };
  });
  return { kind: "sequence", name: syntax.qualified(s.name, s.schema), fields, ...NO_POS, bodyOffset: 0 };
}

function tableDecl(table: Table, known: TypeNaming): Declaration {
  const pk = table.primaryKey;
  // `@id` says no options: a named or deferrable key is written `@@id`.
  const inlinePk = pk && pk.name === undefined && !pk.deferrable && pk.columns.length === 1 ? pk.columns[0] : undefined;
  const inlineUnique = firstSingleColumn(table.uniqueConstraints);
  const inlineFk = firstSingleColumn(table.foreignKeys);
  const members: TableMember[] = table.columns.map((c) =>
    columnNode(c, known, c.name === inlinePk, inlineUnique.get(c.name), inlineFk.get(c.name)),
  );

  const attrs: Attribute[] = [];
  const named = (args: Argument[], name: string | undefined) => (name === undefined ? args : [...args, syntax.arg(syntax.string(name), "name")]);
  if (pk && inlinePk === undefined) attrs.push(syntax.attr("id", [...named([syntax.arg(syntax.names(pk.columns))], pk.name), ...deferralOptions(pk)]));
  for (const index of table.indexes) attrs.push(indexAttribute(index));
  for (const u of table.uniqueConstraints) {
    if ([...inlineUnique.values()].includes(u)) continue;
    attrs.push(syntax.attr("unique", [...named([syntax.arg(syntax.names(u.columns))], u.name), ...uniqueOptions(u)]));
  }
  for (const fk of table.foreignKeys) {
    if ([...inlineFk.values()].includes(fk)) continue;
    const references = syntax.call(
      [...(fk.target.schema !== undefined ? [fk.target.schema] : []), fk.target.name],
      [syntax.arg(syntax.names(fk.targetColumns))],
    );
    attrs.push(syntax.attr("foreignKey", [syntax.arg(syntax.names(fk.columns)), syntax.arg(references, "references"), ...foreignKeyOptions(fk)]));
  }
  for (const ck of table.checkConstraints) {
    const notValid = ck.notValid ? [syntax.arg(syntax.word("true"), "notValid")] : [];
    attrs.push(syntax.attr("check", [...named([syntax.arg(syntax.sql(ck.expression))], ck.name), ...notValid]));
  }
  if (table.comment !== undefined) attrs.push(syntax.attr("comment", [syntax.arg(syntax.string(table.comment))]));
  for (const [attribute, { option, value: kind, flags }] of Object.entries(TABLE_OPTION_SYNTAX)) {
    const value = table.options[option];
    const set = Object.entries(flags ?? {}).filter(([, flag]) => table.options[flag] === true);
    const written = typeof value === "number" ? syntax.number(value) : kind === "sql" ? syntax.sql(String(value)) : syntax.string(String(value));
    if (value === true) attrs.push(syntax.attr(attribute, set.length ? set.map(([name]) => syntax.arg(syntax.word("true"), name)) : undefined));
    else if (value !== undefined) attrs.push(syntax.attr(attribute, [syntax.arg(written)]));
  }
  attrs.push(...partitioningAttributes(table.options));
  if (table.renamedFrom !== undefined) attrs.push(syntax.attr("renamedFrom", [syntax.arg(syntax.string(table.renamedFrom))]));
  attrs.forEach((attribute, i) => members.push({ kind: "tableAttribute", attribute, ...NO_POS, blankLineBefore: i === 0 }));

  return { kind: "table", name: syntax.qualified(table.name, table.schema), members, ...NO_POS, bodyOffset: 0 };
}

/** Per column, the first constraint that covers that column alone. */
function firstSingleColumn<C extends UniqueConstraint | ForeignKeyConstraint>(constraints: readonly C[]): Map<string, C> {
  const byColumn = new Map<string, C>();
  for (const c of constraints) {
    if (c.columns.length === 1 && !byColumn.has(c.columns[0])) byColumn.set(c.columns[0], c);
  }
  return byColumn;
}

function columnNode(
  column: Column,
  known: TypeNaming,
  id: boolean,
  unique?: UniqueConstraint,
  fk?: ForeignKeyConstraint,
): ColumnNode {
  const attrs: Attribute[] = [];
  const one = (name: string, value: Parameters<typeof syntax.arg>[0]) => attrs.push(syntax.attr(name, [syntax.arg(value)]));
  if (id) attrs.push(syntax.attr("id"));
  if (column.default !== undefined) one("default", defaultValue(column.default));
  if (column.identity !== undefined) {
    const kind = column.identity === "always" ? [syntax.arg(syntax.word("always"))] : [];
    const options = Object.entries(column.identityOptions ?? {}).map(([key, value]) =>
      syntax.arg(typeof value === "boolean" ? syntax.word(String(value)) : syntax.number(value), key),
    );
    attrs.push(syntax.attr("identity", [...kind, ...options]));
  }
  if (column.generated !== undefined) {
    const stored = column.generated.stored ? [syntax.arg(syntax.word("true"), "stored")] : [];
    attrs.push(syntax.attr("generated", [syntax.arg(syntax.sql(column.generated.expression)), ...stored]));
  }
  if (unique) {
    attrs.push(syntax.attr("unique", [...(unique.name !== undefined ? [syntax.arg(syntax.string(unique.name), "name")] : []), ...uniqueOptions(unique)]));
  }
  if (fk) attrs.push(syntax.attr("references", [syntax.arg(referenceTarget(fk)), ...foreignKeyOptions(fk)]));
  if (column.collation !== undefined) one("collate", syntax.string(column.collation));
  if (column.onUpdate !== undefined) one("onUpdate", defaultValue(column.onUpdate));
  if (column.invisible) attrs.push(syntax.attr("invisible"));
  if (column.storage !== undefined) one("storage", syntax.word(column.storage));
  if (column.compression !== undefined) one("compression", syntax.word(column.compression));
  if (column.comment !== undefined) one("comment", syntax.string(column.comment));
  if (column.renamedFrom !== undefined) one("renamedFrom", syntax.string(column.renamedFrom));
  return {
    kind: "column",
    name: syntax.name(column.name),
    type: typeNode(column.type, known),
    nullable: column.nullable,
    attributes: attrs,
    ...NO_POS,
  };
}

/** The options a unique constraint says after its columns and name: `nullsNotDistinct:`, `deferrable:`, `initiallyDeferred:`. */
function uniqueOptions(u: UniqueConstraint): Argument[] {
  return [...(u.nullsNotDistinct ? [syntax.arg(syntax.word("true"), "nullsNotDistinct")] : []), ...deferralOptions(u)];
}

function deferralOptions(key: Deferral): Argument[] {
  return (["deferrable", "initiallyDeferred"] as const).filter((k) => key[k]).map((k) => syntax.arg(syntax.word("true"), k));
}
