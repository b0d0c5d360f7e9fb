import type { Constraint, Table } from "../../model/index.js";

/**
 * PostgreSQL's names for constraints created without one (ChooseConstraintName
 * and makeObjectName in its source): `<table>_<columns>_fkey`, `<table>_<columns>_key`,
 * `<table>_pkey`, `<table>_<column>_check` for a check on one column and
 * `<table>_check` for one on several; cut to 63 bytes by shortening the longer
 * of table and columns, and made unique by a number after the label
 * (`t_check1`). SQLite, which names nothing itself, uses the same.
 */
export function postgresqlStyleConstraintName(table: Table, constraint: Constraint, taken: ReadonlySet<string>): string {
  const [columns, label] = partsOf(table, constraint);
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(table.name, columns, pass === 0 ? label : `${label}${pass}`);
    if (!taken.has(name)) return name;
  }
}

function partsOf(table: Table, constraint: Constraint): [string | undefined, string] {
  switch (constraint.kind) {
    case "primaryKey":
      return [undefined, "pkey"];
    case "foreignKey":
      return [constraint.columns.join("_"), "fkey"];
    case "unique":
      return [constraint.columns.join("_"), "key"];
    case "check": {
      const used = columnsIn(constraint.expression, table);
      return [used.length === 1 ? used[0] : undefined, "check"];
    }
  }
}

const MAX_BYTES = 63;

function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let a = Buffer.byteLength(name1);
  let b = name2 === undefined ? 0 : Buffer.byteLength(name2);
  const available = MAX_BYTES - (label.length + 1) - (name2 === undefined ? 0 : 1);
  while (a + b > available) {
    if (a > b) a--;
    else b--;
  }
  const parts = [clip(name1, a), ...(name2 === undefined ? [] : [clip(name2, b)]), label];
  return parts.join("_");
}

/** The longest prefix of whole characters within `bytes` bytes. */
function clip(text: string, bytes: number): string {
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/** The table's columns an expression names, in table order (quoted names exactly, bare ones case-insensitively). */
export function columnsIn(expression: string, table: Table): string[] {
  const named = new Set<string>();
  const words = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|([A-Za-z_][\w$]*)/g;
  for (let m = words.exec(expression); m; m = words.exec(expression)) {
    if (m[1] !== undefined) named.add(m[1].replaceAll('""', '"'));
    else if (m[2] !== undefined) named.add(m[2].replaceAll("``", "`"));
    else if (m[3] !== undefined) named.add(m[3].toLowerCase());
  }
  return table.columns.map((c) => c.name).filter((c) => named.has(c) || named.has(c.toLowerCase()));
}
