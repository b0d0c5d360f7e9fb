import {
  isKeyword,
  isName,
  isPunct,
  matchingParen,
  sourceText,
  splitTopLevel,
  tokenizeSql,
  type SqlToken,
} from "./sqlite-sql-tokens.js";

/**
 * What a CREATE TABLE statement says that SQLite's pragmas do not: constraint
 * names, CHECK expressions, AUTOINCREMENT, collations, generated-column
 * expressions and whether a foreign key is deferrable. Everything the
 * pragmas do report (types, nullability, defaults, key columns, actions) is
 * taken from them instead.
 */
export interface TableDdl {
  readonly columns: ReadonlyMap<string, ColumnDdl>;
  readonly primaryKeyName?: string;
  readonly uniques: readonly UniqueDdl[];
  readonly checks: readonly CheckDdl[];
  readonly foreignKeys: readonly ForeignKeyDdl[];
  /** The table options after the body. */
  readonly withoutRowid: boolean;
  readonly strict: boolean;
}

export interface ColumnDdl {
  readonly name: string;
  readonly autoincrement: boolean;
  readonly collation?: string;
  readonly generated?: { readonly expression: string; readonly stored: boolean };
}

export interface UniqueDdl {
  readonly name?: string;
  readonly columns: readonly string[];
}

export interface CheckDdl {
  readonly name?: string;
  readonly expression: string;
}

export interface ForeignKeyDdl {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly target: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

/** Columns are keyed by lower-cased name: SQLite names are case-insensitive. */
export function columnKey(name: string): string {
  return name.toLowerCase();
}

const COLUMN_CONSTRAINT_START = ["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"];
const TABLE_CONSTRAINT_START = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"];

interface Builder {
  columns: Map<string, ColumnDdl>;
  primaryKeyName?: string;
  uniques: UniqueDdl[];
  checks: CheckDdl[];
  foreignKeys: ForeignKeyDdl[];
  withoutRowid: boolean;
  strict: boolean;
}

export function parseCreateTable(sql: string): TableDdl {
  const tokens = tokenizeSql(sql);
  const out: Builder = { columns: new Map(), uniques: [], checks: [], foreignKeys: [], withoutRowid: false, strict: false };
  const open = bodyStart(tokens);
  if (open < 0) return out; // CREATE TABLE ... AS SELECT: no constraints to read
  const close = matchingParen(tokens, open);
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    if (isKeyword(tokens[from], ...TABLE_CONSTRAINT_START)) new TableConstraints(sql, tokens, to, out).parse(from);
    else if (isName(tokens[from])) parseColumn(sql, tokens, from, to, out);
  }
  // Table options after the body: `WITHOUT ROWID`, `STRICT`, in any order.
  for (let i = close + 1; i < tokens.length; i++) {
    if (isKeyword(tokens[i], "WITHOUT") && isKeyword(tokens[i + 1], "ROWID")) out.withoutRowid = true;
    if (isKeyword(tokens[i], "STRICT")) out.strict = true;
  }
  return out;
}

/** The `(` that opens the column list: after CREATE [TEMP] TABLE [IF NOT EXISTS] [schema.]name. */
function bodyStart(tokens: readonly SqlToken[]): number {
  let i = 0;
  while (i < tokens.length && !isKeyword(tokens[i], "TABLE")) i++;
  i++;
  if (isKeyword(tokens[i], "IF") && isKeyword(tokens[i + 1], "NOT") && isKeyword(tokens[i + 2], "EXISTS")) i += 3;
  i++; // the name
  if (isPunct(tokens[i], ".")) i += 2;
  return isPunct(tokens[i], "(") ? i : -1;
}

function parseColumn(sql: string, tokens: readonly SqlToken[], from: number, to: number, out: Builder): void {
  const name = tokens[from].value;
  let i = from + 1;
  // The declared type: words and a parenthesized argument list, up to the first constraint.
  while (i < to && !isKeyword(tokens[i], ...COLUMN_CONSTRAINT_START)) i = isPunct(tokens[i], "(") ? matchingParen(tokens, i) + 1 : i + 1;
  const column: { -readonly [K in keyof ColumnDdl]: ColumnDdl[K] } = { name, autoincrement: false };
  let constraintName: string | undefined;
  while (i < to) {
    const token = tokens[i];
    if (isKeyword(token, "CONSTRAINT")) {
      constraintName = tokens[i + 1]?.value;
      i += 2;
      continue;
    }
    if (isKeyword(token, "PRIMARY")) {
      out.primaryKeyName = constraintName;
      i += 2;
      while (i < to && !isKeyword(tokens[i], ...COLUMN_CONSTRAINT_START)) {
        if (isKeyword(tokens[i], "AUTOINCREMENT")) column.autoincrement = true;
        i++;
      }
    } else if (isKeyword(token, "UNIQUE")) {
      out.uniques.push(named(constraintName, { columns: [name] }));
      i++;
    } else if (isKeyword(token, "CHECK") && isPunct(tokens[i + 1], "(")) {
      const close = matchingParen(tokens, i + 1);
      out.checks.push(named(constraintName, { expression: sourceText(sql, tokens, i + 2, close) }));
      i = close + 1;
    } else if (isKeyword(token, "DEFAULT")) {
      // The value comes from pragma_table_xinfo; only skip over it here.
      i = isPunct(tokens[i + 1], "(") ? matchingParen(tokens, i + 1) + 1 : i + 2;
      if (tokens[i - 1]?.kind === "punct" && /[+-]/.test(tokens[i - 1].value)) i++;
    } else if (isKeyword(token, "COLLATE")) {
      column.collation = tokens[i + 1]?.value;
      i += 2;
    } else if (isKeyword(token, "REFERENCES")) {
      const fk = parseReferences(tokens, i, to);
      out.foreignKeys.push(named(constraintName, { columns: [name], ...fk.clause }));
      i = fk.next;
    } else if (isKeyword(token, "GENERATED", "AS")) {
      while (i < to && !isPunct(tokens[i], "(")) i++;
      const close = matchingParen(tokens, i);
      const stored = isKeyword(tokens[close + 1], "STORED");
      column.generated = { expression: sourceText(sql, tokens, i + 1, close), stored };
      i = close + 1;
    } else {
      // NOT NULL, NULL, ON CONFLICT ...: nothing the pragmas do not already say,
      // but a name given to NOT NULL is not the next constraint's.
      if (!isKeyword(token, "NOT", "NULL")) {
        i++;
        continue;
      }
      i++;
    }
    constraintName = undefined;
  }
  out.columns.set(columnKey(name), column);
}

/** Table constraints of one comma-separated item; SQLite also accepts several without commas. */
class TableConstraints {
  constructor(
    private readonly sql: string,
    private readonly tokens: readonly SqlToken[],
    private readonly to: number,
    private readonly out: Builder,
  ) {}

  parse(from: number): void {
    const { tokens, to, out } = this;
    let i = from;
    let constraintName: string | undefined;
    while (i < to) {
      const token = tokens[i];
      if (isKeyword(token, "CONSTRAINT")) {
        constraintName = tokens[i + 1]?.value;
        i += 2;
        continue;
      }
      if (isKeyword(token, "PRIMARY")) {
        out.primaryKeyName = constraintName;
        i = this.skipList(i);
      } else if (isKeyword(token, "UNIQUE")) {
        const open = this.listStart(i);
        const close = matchingParen(tokens, open);
        out.uniques.push(named(constraintName, { columns: this.indexedColumns(open, close) }));
        i = close + 1;
      } else if (isKeyword(token, "CHECK") && isPunct(tokens[i + 1], "(")) {
        const close = matchingParen(tokens, i + 1);
        out.checks.push(named(constraintName, { expression: sourceText(this.sql, tokens, i + 2, close) }));
        i = close + 1;
      } else if (isKeyword(token, "FOREIGN")) {
        const open = this.listStart(i);
        const close = matchingParen(tokens, open);
        const columns = this.indexedColumns(open, close);
        const fk = parseReferences(tokens, close + 1, to);
        out.foreignKeys.push(named(constraintName, { columns, ...fk.clause }));
        i = fk.next;
      } else {
        i++;
        continue;
      }
      constraintName = undefined;
    }
  }

  private listStart(i: number): number {
    while (i < this.to && !isPunct(this.tokens[i], "(")) i++;
    return i;
  }

  private skipList(i: number): number {
    return matchingParen(this.tokens, this.listStart(i)) + 1;
  }

  /** Column names of `(a COLLATE x DESC, b)`; an expression keeps its text. */
  private indexedColumns(open: number, close: number): string[] {
    return splitTopLevel(this.tokens, open + 1, close).map(([from, to]) =>
      isName(this.tokens[from]) && (to === from + 1 || isKeyword(this.tokens[from + 1], "COLLATE", "ASC", "DESC"))
        ? this.tokens[from].value
        : sourceText(this.sql, this.tokens, from, to),
    );
  }
}

/** `REFERENCES target [(cols)] [ON ... | MATCH x]* [[NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]]`. */
function parseReferences(
  tokens: readonly SqlToken[],
  at: number,
  to: number,
): { clause: { target: string; deferrable: boolean; initiallyDeferred: boolean }; next: number } {
  let i = at + 1;
  let target = tokens[i]?.value ?? "";
  i++;
  if (isPunct(tokens[i], ".")) {
    target = tokens[i + 1]?.value ?? target;
    i += 2;
  }
  if (isPunct(tokens[i], "(")) i = matchingParen(tokens, i) + 1;
  let deferrable = false;
  let initiallyDeferred = false;
  while (i < to) {
    if (isKeyword(tokens[i], "ON")) {
      i += isKeyword(tokens[i + 2], "SET", "NO") ? 4 : 3; // ON DELETE SET NULL / NO ACTION / CASCADE
    } else if (isKeyword(tokens[i], "MATCH")) {
      i += 2;
    } else if (isKeyword(tokens[i], "NOT") && isKeyword(tokens[i + 1], "DEFERRABLE")) {
      i += 2;
    } else if (isKeyword(tokens[i], "DEFERRABLE")) {
      deferrable = true;
      i++;
    } else if (isKeyword(tokens[i], "INITIALLY")) {
      initiallyDeferred = deferrable && isKeyword(tokens[i + 1], "DEFERRED");
      i += 2;
    } else {
      break;
    }
  }
  return { clause: { target, deferrable, initiallyDeferred }, next: i };
}

function named<T extends object>(name: string | undefined, value: T): T & { name?: string } {
  return name === undefined ? value : { name, ...value };
}

/** `CREATE VIRTUAL TABLE name USING fts5(a, b)` → `fts5(a, b)`, as written. */
export function virtualTableUsing(sql: string): string {
  const tokens = tokenizeSql(sql);
  const at = tokens.findIndex((t) => isKeyword(t, "USING"));
  if (at < 0) throw new Error(`a virtual table's SQL has no USING: ${sql}`);
  return sql.slice(tokens[at + 1]?.start ?? sql.length).trim();
}
