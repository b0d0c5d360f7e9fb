/**
 * Random schema histories for the property test: a small model of tables,
 * columns, indexes and unique constraints, a seeded generator of edits to
 * it, and its `.schema` text. Every edit keeps the schema valid on all three
 * dialects (names are explicit, defaults only where MySQL allows them).
 */

interface ColumnModel {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
  unique: boolean;
  indexed: boolean;
}

interface TableModel {
  name: string;
  columns: ColumnModel[];
}

export interface SchemaModel {
  tables: TableModel[];
  counter: number;
}

const TYPES = ["integer", "bigint", "varchar(20)", "varchar(40)", "text", "boolean", "decimal(10, 2)", "date"];
/** Changes a migration can make without losing data. */
const WIDER: Record<string, string> = { integer: "bigint", "varchar(20)": "varchar(40)", "varchar(40)": "text" };
const DEFAULTS: Record<string, string> = {
  integer: "0",
  bigint: "7",
  "varchar(20)": '"none"',
  "varchar(40)": '"n/a"',
  boolean: "false",
};

export function emptyModel(): SchemaModel {
  return { tables: [], counter: 0 };
}

type Edit = (model: SchemaModel, rnd: () => number) => string | undefined;

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];

const EDITS: Edit[] = [
  function addTable(model, rnd) {
    if (model.tables.length >= 4) return undefined;
    const name = `t${++model.counter}`;
    model.tables.push({ name, columns: [] });
    addColumnTo(model, model.tables.at(-1)!, rnd);
    return `add table ${name}`;
  },
  function dropTable(model, rnd) {
    if (model.tables.length < 2) return undefined;
    const table = pick(model.tables, rnd);
    model.tables = model.tables.filter((t) => t !== table);
    return `drop table ${table.name}`;
  },
  function addColumn(model, rnd) {
    if (model.tables.length === 0) return undefined;
    const table = pick(model.tables, rnd);
    return `add column ${table.name}.${addColumnTo(model, table, rnd)}`;
  },
  function dropColumn(model, rnd) {
    const table = pick(
      model.tables.filter((t) => t.columns.length > 1),
      rnd,
    );
    if (!table) return undefined;
    const column = pick(table.columns, rnd);
    table.columns = table.columns.filter((c) => c !== column);
    return `drop column ${table.name}.${column.name}`;
  },
  function widenType(model, rnd) {
    const columns = model.tables.flatMap((t) =>
      t.columns
        .filter((c) => WIDER[c.type] && !(c.type === "varchar(40)" && (c.unique || c.indexed || c.default)))
        .map((c) => [t, c] as const),
    );
    if (columns.length === 0) return undefined;
    const [table, column] = pick(columns, rnd);
    const from = column.type;
    column.type = WIDER[from];
    return `widen ${table.name}.${column.name} ${from} -> ${column.type}`;
  },
  function toggleNullable(model, rnd) {
    const columns = model.tables.flatMap((t) => t.columns.map((c) => [t, c] as const));
    if (columns.length === 0) return undefined;
    const [table, column] = pick(columns, rnd);
    column.nullable = !column.nullable;
    return `${table.name}.${column.name} ${column.nullable ? "nullable" : "not null"}`;
  },
  function toggleIndex(model, rnd) {
    const columns = model.tables.flatMap((t) => t.columns.filter((c) => c.type !== "text").map((c) => [t, c] as const));
    if (columns.length === 0) return undefined;
    const [table, column] = pick(columns, rnd);
    column.indexed = !column.indexed;
    return `${column.indexed ? "index" : "unindex"} ${table.name}.${column.name}`;
  },
  function toggleUnique(model, rnd) {
    const columns = model.tables.flatMap((t) => t.columns.filter((c) => c.type !== "text").map((c) => [t, c] as const));
    if (columns.length === 0) return undefined;
    const [table, column] = pick(columns, rnd);
    column.unique = !column.unique;
    return `${column.unique ? "unique" : "not unique"} ${table.name}.${column.name}`;
  },
  function toggleDefault(model, rnd) {
    const columns = model.tables.flatMap((t) => t.columns.filter((c) => DEFAULTS[c.type]).map((c) => [t, c] as const));
    if (columns.length === 0) return undefined;
    const [table, column] = pick(columns, rnd);
    column.default = column.default === undefined ? DEFAULTS[column.type] : undefined;
    return `${column.default === undefined ? "drop default of" : "default"} ${table.name}.${column.name}`;
  },
];

function addColumnTo(model: SchemaModel, table: TableModel, rnd: () => number): string {
  const type = pick(TYPES, rnd);
  const name = `c${++model.counter}`;
  // A NOT NULL column added to a table with rows needs a default; these tables are empty, but keep it realistic.
  const withDefault = DEFAULTS[type] !== undefined && rnd() < 0.5;
  table.columns.push({
    name,
    type,
    nullable: !withDefault || rnd() < 0.5,
    default: withDefault ? DEFAULTS[type] : undefined,
    unique: false,
    indexed: false,
  });
  return name;
}

/** Applies one random edit that fits the model; returns what it did. */
export function randomEdit(model: SchemaModel, rnd: () => number): string {
  for (;;) {
    const done = pick(EDITS, rnd)(model, rnd);
    if (done) return done;
  }
}

export function schemaText(model: SchemaModel): string {
  return model.tables
    .map((table) => {
      const lines = ["  id integer @id"];
      for (const c of table.columns) {
        const attrs = [
          ...(c.default !== undefined ? [`@default(${c.default})`] : []),
          ...(c.unique ? [`@unique(name: "uq_${table.name}_${c.name}")`] : []),
        ];
        lines.push(`  ${c.name} ${c.type}${c.nullable ? "?" : ""}${attrs.length ? ` ${attrs.join(" ")}` : ""}`);
      }
      for (const c of table.columns.filter((c) => c.indexed))
        lines.push(`  @@index([${c.name}], name: "ix_${table.name}_${c.name}")`);
      return `table ${table.name} {\n${lines.join("\n")}\n}`;
    })
    .join("\n\n");
}
