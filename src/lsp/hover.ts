import type { ColumnNode, Declaration, NameNode } from "../../grammar/ast.js";
import { formatDefault, PORTABLE_TYPES, type Column, type Table } from "../model/index.js";
import { COLUMN_ATTRIBUTES } from "../parse/build-column.js";
import { TABLE_ATTRIBUTES } from "../parse/build-table.js";
import { docComment } from "./doc-comment.js";
import type { SchemaSymbol } from "./schema-index.js";
import type { ModelState } from "./schema-workspace.js";
import type { SyntaxAt } from "./syntax-at.js";

/**
 * What hovering a name shows, as Markdown: a column's type as the project's
 * dialect spells it, its nullability, default, foreign key and doc comment;
 * a table's columns and keys. Types and keys come from the compiled model
 * (the latest one that compiled, while the schema has errors); what the
 * model does not have yet is shown as written.
 */
export function hoverText(state: ModelState, symbol: SchemaSymbol): string {
  const doc = documentation(state, symbol);
  const body = (() => {
    switch (symbol.kind) {
      case "column":
        return columnHover(state, symbol);
      case "table":
        return tableHover(state, symbol);
      case "enum":
        return enumHover(symbol);
      case "enumValue":
        return code(`${symbol.container!.slice("enum:".length)}.${symbol.name}`) + "\n\nenum value";
      case "view":
        return viewHover(state, symbol);
      case "type":
      case "sequence":
      case "extension":
      case "domain":
      case "function":
      case "procedure":
      case "aggregate":
      case "trigger":
      case "policy":
      case "schema":
        return code(`${symbol.kind} ${symbol.key}`);
    }
  })();
  return doc ? `${body}\n\n---\n\n${doc}` : body;
}

/** Hovering a type tells what it is and how the dialect spells it; an attribute, how it is written. */
export function syntaxHoverText(state: ModelState, found: SyntaxAt): string | undefined {
  if (found.kind === "attribute") {
    const signature = (found.onTable ? TABLE_ATTRIBUTES : COLUMN_ATTRIBUTES)[found.attribute.name];
    return signature && code(signature.usage);
  }
  const name = found.column.type.name.parts.map((p) => p.text).join(".");
  const spec = [...state.dialect.nativeTypes, ...PORTABLE_TYPES].find((t) => t.name === name);
  const portable = PORTABLE_TYPES.some((t) => t.name === name);
  const column = state.metadata?.tables.get(found.table)?.columns.find((c) => c.name === found.column.name.text);
  const lines = [code(`type ${name}`)];
  if (spec) lines.push(`${portable ? "portable type" : `${state.dialect.name} type`}${spec.description ? `: ${spec.description}` : ""}`);
  if (column) lines.push(`${state.dialect.name}: \`${state.dialect.spellType(column.type)}\``);
  return lines.join("\n\n");
}

function documentation(state: ModelState, symbol: SchemaSymbol): string | undefined {
  const file = state.index.files.get(symbol.path);
  const text = state.texts.get(symbol.path);
  if (!file || text === undefined) return undefined;
  return docComment(file, text, symbol.node);
}

function columnHover(state: ModelState, symbol: SchemaSymbol): string {
  const node = symbol.node as ColumnNode;
  const text = state.texts.get(symbol.path) ?? "";
  const tableKey = symbol.container!.slice("table:".length);
  const written = text.slice(node.type.startOffset, node.type.endOffset + 1) + (node.nullable ? "?" : "");
  const table = state.metadata?.tables.get(tableKey);
  const column = table?.columns.find((c) => c.name === symbol.name);
  const lines = [code(`${tableKey}.${symbol.name} ${written}`)];
  if (!table || !column) return lines.join("\n\n");
  lines.push(`${state.dialect.name}: \`${state.dialect.spellType(column.type)}\``);
  lines.push(columnFacts(table, column).join(" · "));
  return lines.join("\n\n");
}

function columnFacts(table: Table, column: Column): string[] {
  const facts = [column.nullable ? "nullable" : "not null"];
  if (table.primaryKey?.columns.includes(column.name)) facts.push("primary key");
  if (column.identity) facts.push(`identity (${column.identity})`);
  if (column.default) facts.push(`default \`${formatDefault(column.default)}\``);
  if (column.generated) facts.push(`generated \`${column.generated.expression}\``);
  for (const fk of table.foreignKeys) {
    const at = fk.columns.indexOf(column.name);
    if (at < 0) continue;
    const target = fk.target.schema ? `${fk.target.schema}.${fk.target.name}` : fk.target.name;
    const actions = [fk.onDelete && `on delete ${fk.onDelete}`, fk.onUpdate && `on update ${fk.onUpdate}`].filter(Boolean);
    facts.push(`references \`${target}.${fk.targetColumns[at]}\`${actions.length ? ` (${actions.join(", ")})` : ""}`);
  }
  if (column.comment) facts.push(`comment: ${column.comment}`);
  return facts;
}

function tableHover(state: ModelState, symbol: SchemaSymbol): string {
  const table = state.metadata?.tables.get(symbol.key);
  const head = code(`table ${symbol.key}`);
  if (!table) return head;
  const rows = table.columns.map(
    (c) => `| ${c.name} | \`${state.dialect.spellType(c.type)}\` | ${c.nullable ? "nullable" : "not null"} |`,
  );
  const columns = [`| column | ${state.dialect.name} type | |`, "| --- | --- | --- |", ...rows].join("\n");
  const keys = tableKeys(table).map((k) => `- ${k}`);
  return [head, columns, ...(keys.length ? [keys.join("\n")] : []), ...(table.comment ? [table.comment] : [])].join("\n\n");
}

function tableKeys(table: Table): string[] {
  const named = (name: string | undefined) => (name ? ` ${name}` : "");
  const list = (columns: readonly string[]) => `(${columns.join(", ")})`;
  const keys: string[] = [];
  if (table.primaryKey) keys.push(`primary key${named(table.primaryKey.name)} ${list(table.primaryKey.columns)}`);
  for (const u of table.uniqueConstraints) keys.push(`unique${named(u.name)} ${list(u.columns)}`);
  for (const fk of table.foreignKeys) {
    const target = fk.target.schema ? `${fk.target.schema}.${fk.target.name}` : fk.target.name;
    keys.push(`foreign key${named(fk.name)} ${list(fk.columns)} → ${target}${list(fk.targetColumns)}`);
  }
  for (const index of table.indexes) {
    const elements = index.elements.map((e) => (e.kind === "column" ? e.name : e.sql));
    keys.push(`${index.unique ? "unique index" : "index"} ${index.name} ${list(elements)}`);
  }
  return keys;
}

function viewHover(state: ModelState, symbol: SchemaSymbol): string {
  const view = state.metadata?.views.get(symbol.key);
  const head = code(`${view?.materialized ? "materialized view" : "view"} ${symbol.key}`);
  return view ? `${head}\n\n\`\`\`sql\n${view.definition}\n\`\`\`` : head;
}

function enumHover(symbol: SchemaSymbol): string {
  const decl = symbol.node as Extract<Declaration, { kind: "enum" }>;
  return `${code(`enum ${symbol.key}`)}\n\n${decl.values.map((v: NameNode) => `\`${v.text}\``).join(", ")}`;
}

function code(text: string): string {
  return "```strata\n" + text + "\n```";
}
