import type {
  Attribute,
  ColumnNode,
  Declaration,
  NameNode,
  Pos,
  QualifiedName,
  SchemaFile,
  Value,
} from "../../grammar/ast.js";

export type SymbolKind = "table" | "type" | "view" | "enum" | "sequence" | "extension" | "domain" | "function" | "procedure" | "aggregate" | "trigger" | "policy" | "schema" | "column" | "enumValue";

/** A named thing a `.schema` declares, where its name is written. */
export interface SchemaSymbol {
  /** `kind:key`, e.g. `table:audit.event`, `column:user.email`, `enumValue:Role.admin`. */
  readonly id: string;
  readonly kind: SymbolKind;
  /** The key the compiler knows it by: `user`, `audit.event`, `user.email`, `Role.admin`. */
  readonly key: string;
  readonly name: string;
  readonly path: string;
  /** The name at its declaration (schema-qualified as written). */
  readonly at: Pos;
  /** The name itself at its declaration: `event` of `audit.event`. */
  readonly nameAt: NameNode;
  /** The declaration: its table for a column is `container`. */
  readonly node: Declaration | ColumnNode | NameNode;
  /** The id of the table (of a column) or enum (of a value). */
  readonly container?: string;
}

/** A place that names a symbol: a reference, an index column, an enum type, a view's dependency. */
export interface SymbolUse {
  readonly id: string;
  readonly path: string;
  readonly at: Pos;
  /** The name itself (`event` of `audit.event`); for a name inside SQL text, the word. */
  readonly nameAt: Pos & { readonly quoted?: boolean };
}

/** What is at an offset: a declaration's name or a use, and the symbol it names. */
export interface SymbolAt {
  readonly symbol: SchemaSymbol;
  readonly at: Pos;
  readonly declaration: boolean;
}

/**
 * Every declaration and every use of a name in a model's syntax trees. The
 * compiler's model keeps no positions, so the editor's questions (what is
 * here, where is it declared, who names it) are answered from the trees,
 * with names keyed as the compiler keys them (the dialect's default schema
 * is the same as no schema).
 */
export class SchemaIndex {
  readonly symbols = new Map<string, SchemaSymbol>();
  readonly uses: SymbolUse[] = [];

  constructor(
    readonly files: ReadonlyMap<string, SchemaFile>,
    readonly texts: ReadonlyMap<string, string>,
    readonly defaultSchema: string | undefined,
  ) {
    for (const [path, file] of files) for (const decl of file.declarations) this.#declare(path, decl);
    for (const [path, file] of files) for (const decl of file.declarations) this.#collectUses(path, decl);
  }

  /** The symbol named at `offset` of a file, declared or used there. */
  at(path: string, offset: number): SymbolAt | undefined {
    const inside = (pos: Pos) => pos.startOffset <= offset && offset <= pos.endOffset + 1;
    for (const symbol of this.symbols.values()) {
      if (symbol.path === path && inside(symbol.at)) return { symbol, at: symbol.at, declaration: true };
    }
    for (const use of this.uses) {
      const symbol = this.symbols.get(use.id);
      if (symbol && use.path === path && inside(use.at)) return { symbol, at: use.at, declaration: false };
    }
    return undefined;
  }

  usesOf(id: string): SymbolUse[] {
    return this.uses.filter((use) => use.id === id);
  }

  columnsOf(tableId: string): SchemaSymbol[] {
    return [...this.symbols.values()].filter((s) => s.kind === "column" && s.container === tableId);
  }

  /** The key of a written name: `public.user` is `user` on PostgreSQL. */
  keyOf(parts: ReadonlyArray<{ readonly text: string }>): string {
    const texts = parts.map((p) => p.text);
    if (texts.length > 1 && texts[0] === this.defaultSchema) texts.shift();
    return texts.join(".");
  }

  #add(symbol: Omit<SchemaSymbol, "id">): void {
    const id = `${symbol.kind}:${symbol.key}`;
    // The first declaration wins, as in the compiler; a duplicate is its error to report.
    if (!this.symbols.has(id)) this.symbols.set(id, { id, ...symbol });
  }

  #declare(path: string, decl: Declaration): void {
    if (decl.kind === "database") return;
    const key = this.keyOf(decl.name.parts);
    const name = decl.name.parts[decl.name.parts.length - 1].text;
    const nameAt = decl.name.parts[decl.name.parts.length - 1];
    this.#add({ kind: decl.kind, key, name, path, at: span(decl.name), nameAt, node: decl });
    if (decl.kind === "enum") {
      for (const value of decl.values) {
        this.#add({ kind: "enumValue", key: `${key}.${value.text}`, name: value.text, path, at: value, nameAt: value, node: value, container: `enum:${key}` });
      }
    }
    if (decl.kind === "table") {
      for (const member of decl.members) {
        if (member.kind !== "column") continue;
        const column = member.name.text;
        const at = member.name;
        this.#add({ kind: "column", key: `${key}.${column}`, name: column, path, at, nameAt: at, node: member, container: `table:${key}` });
      }
    }
  }

  #use(id: string, path: string, at: Pos, nameAt: SymbolUse["nameAt"] = at): void {
    if (this.symbols.has(id)) this.uses.push({ id, path, at, nameAt });
  }

  #collectUses(path: string, decl: Declaration): void {
    if (decl.kind === "table") {
      const table = this.keyOf(decl.name.parts);
      for (const member of decl.members) {
        if (member.kind === "column") this.#columnUses(path, member);
        else this.#tableAttributeUses(path, table, member.attribute);
      }
    } else if (decl.kind === "view" && decl.definition.kind === "call") {
      for (const arg of decl.definition.args) if (arg.value.kind === "string") this.#sqlUses(path, arg.value);
    }
  }

  #columnUses(path: string, column: ColumnNode): void {
    const typeKey = this.keyOf(column.type.name.parts);
    const isEnum = this.symbols.has(`enum:${typeKey}`);
    const typeParts = column.type.name.parts;
    if (isEnum) this.#use(`enum:${typeKey}`, path, span(column.type.name), typeParts[typeParts.length - 1]);
    for (const attr of column.attributes) {
      const first = attr.args?.find((a) => !a.name)?.value;
      if (attr.name === "references" && first?.kind === "path" && first.parts.length >= 2) {
        this.#targetUses(path, first.parts.slice(0, -1), [first.parts[first.parts.length - 1]]);
      } else if (attr.name === "default" && isEnum && first?.kind === "path" && first.parts.length === 1) {
        this.#use(`enumValue:${typeKey}.${first.parts[0].text}`, path, first.parts[0]);
      }
    }
  }

  #tableAttributeUses(path: string, table: string, attr: Attribute): void {
    if (!["id", "unique", "index", "foreignKey"].includes(attr.name)) return;
    for (const arg of attr.args ?? []) {
      if (!arg.name && arg.value.kind === "list") {
        for (const name of columnNames(arg.value)) this.#use(`column:${table}.${name.text}`, path, name);
      }
      if (arg.name?.text === "references" && arg.value.kind === "call") {
        const targets = arg.value.args.flatMap((a) => (a.value.kind === "list" ? columnNames(a.value) : []));
        this.#targetUses(path, arg.value.callee, targets);
      }
    }
  }

  /** `organization.id` in @references, `organization([id])` in @@foreignKey. */
  #targetUses(path: string, tableParts: readonly NameNode[], columns: readonly NameNode[]): void {
    const table = this.keyOf(tableParts);
    const last = tableParts[tableParts.length - 1];
    this.#use(`table:${table}`, path, { startOffset: tableParts[0].startOffset, endOffset: last.endOffset }, last);
    for (const column of columns) this.#use(`column:${table}.${column.text}`, path, column);
  }

  /**
   * A view depends on the tables and views its SQL names: each name written
   * in it is a use, and so is a column written after its table (`user.id`),
   * so renaming either keeps the view's SQL in step.
   */
  #sqlUses(path: string, sql: Value): void {
    const text = (this.texts.get(path) ?? "").slice(sql.startOffset, sql.endOffset + 1);
    const at = (from: number, length: number) => ({ startOffset: sql.startOffset + from, endOffset: sql.startOffset + from + length - 1 });
    for (const match of text.matchAll(/[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)?/g)) {
      const [first, second] = match[0].split(".");
      // `audit.event` names a table in a schema: the use spans both words, and the name is the last.
      const qualified = second !== undefined && this.#relation(match[0]);
      if (qualified) {
        this.#use(qualified, path, at(match.index, match[0].length), at(match.index + first.length + 1, second.length));
        continue;
      }
      const relation = this.#relation(first);
      if (!relation) continue;
      this.#use(relation, path, at(match.index, first.length));
      if (second !== undefined) this.#use(`column:${first}.${second}`, path, at(match.index + first.length + 1, second.length));
    }
  }

  #relation(name: string): string | undefined {
    return [`table:${name}`, `view:${name}`].find((candidate) => this.symbols.has(candidate));
  }
}

/** The columns an index list names: `a`, `b(sort: desc)`; `sql("...")` names none. */
function columnNames(list: Extract<Value, { kind: "list" }>): NameNode[] {
  return list.items.flatMap((item) => {
    if (item.kind === "path" && item.parts.length === 1) return [item.parts[0]];
    if (item.kind === "call" && item.callee.length === 1 && item.callee[0].text !== "sql") return [item.callee[0]];
    return [];
  });
}

function span(name: QualifiedName): Pos {
  return { startOffset: name.startOffset, endOffset: name.endOffset };
}
