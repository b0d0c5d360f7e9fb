/**
 * A seeded generator of realistic edits to a SchemaModel: tables and
 * columns of every type family, every default kind, widened types,
 * nullability, indexes, named and unnamed unique and check constraints,
 * foreign keys (cycles included), renames of columns and tables, views over
 * tables and over views, enums and their values; and each dialect's own:
 * column collations, identity sequence options (PostgreSQL), STRICT tables
 * (SQLite), ON UPDATE and NO ACTION vs RESTRICT (MySQL). An edit that does
 * not fit the model returns undefined and another is drawn.
 */
import { fresh, type ColumnModel, type SchemaModel, type TableModel, type ViewModel } from "./random-schema.js";

type Rnd = () => number;

const pick = <T>(items: readonly T[], rnd: Rnd): T | undefined => items[Math.floor(rnd() * items.length)];
const chance = (rnd: Rnd, p: number) => rnd() < p;

const INTEGERS = ["smallint", "integer", "bigint"];
const BASE_TYPES = [...INTEGERS, "decimal(10, 2)", "varchar(20)", "varchar(40)", "text", "boolean", "date", "timestamp", "json", "uuid", "bytes"];
/** Changes that keep every value. */
const WIDER: Record<string, string> = {
  smallint: "integer",
  integer: "bigint",
  "decimal(10, 2)": "decimal(12, 2)",
  "varchar(20)": "varchar(40)",
  "varchar(40)": "text",
};

/** Column collations each dialect has (besides the default). */
const COLLATIONS: Record<SchemaModel["dialect"], string[]> = {
  postgresql: ["C", "POSIX"],
  mysql: ["utf8mb4_bin", "utf8mb4_unicode_ci"],
  sqlite: ["NOCASE", "RTRIM"],
};
const TEXT_TYPES = ["varchar(20)", "varchar(40)", "text"];
/** MySQL: an integer with a display width and ZEROFILL, which `integer` becomes and comes back from. */
const ZEROFILL_INTEGER = "integer(8) unsigned zerofill";
/** The only types a STRICT table's columns may have, of those the test uses. */
const STRICT_TYPES = ["integer", "text"];
const fits = (table: TableModel, type: string) => !table.strict || STRICT_TYPES.includes(type);

/** Expression defaults each server rewrites in its own way (compared by asking it how it stores them). */
const SQL_DEFAULTS: Record<SchemaModel["dialect"], { date: string[]; timestamp: string[] }> = {
  postgresql: { date: ['sql("CURRENT_DATE")'], timestamp: [`sql("now() + interval '1 day'")`, 'sql("CURRENT_TIMESTAMP")'] },
  mysql: { date: ['sql("(CURRENT_DATE)")'], timestamp: ['sql("CURRENT_TIMESTAMP")'] },
  sqlite: { date: [`sql("(date('now'))")`], timestamp: [`sql("(datetime('now'))")`, 'sql("CURRENT_TIMESTAMP")'] },
};

/** A default of each kind a type takes (numbers exact, strings, booleans, now()); none for json, uuid, bytes. */
function defaultsFor(model: SchemaModel, type: string): string[] {
  const e = model.enums.find((x) => x.name === type);
  if (e) return e.values.slice(0, 1);
  const text = model.dialect === "mysql" ? [] : ['"x"'];
  const defaults: Record<string, string[]> = {
    smallint: ["7", "-3"],
    integer: ["0", "2147483647"],
    bigint: ["9007199254740993", "0"],
    "decimal(10, 2)": ["1.25", "0"],
    "decimal(12, 2)": ["1.25"],
    "varchar(20)": ['"none"'],
    "varchar(40)": ['"n/a"'],
    text,
    boolean: ["true", "false"],
    date: ['"2024-01-01"', ...SQL_DEFAULTS[model.dialect].date],
    timestamp: ["now()", ...SQL_DEFAULTS[model.dialect].timestamp],
  };
  return defaults[type] ?? [];
}

const isEnum = (model: SchemaModel, type: string) => model.enums.some((e) => e.name === type);
/** Types a unique constraint or an index may cover on every dialect. */
const keyable = (model: SchemaModel, c: ColumnModel) =>
  !c.foreignKeyColumn && (isEnum(model, c.type) || !["text", "json", "bytes"].includes(c.type));
const numeric = (c: ColumnModel) => INTEGERS.includes(c.type) || c.type.startsWith("decimal");

function columns(model: SchemaModel, keep: (c: ColumnModel, t: TableModel) => boolean): Array<[TableModel, ColumnModel]> {
  return model.tables.flatMap((t) => t.columns.filter((c) => keep(c, t)).map((c) => [t, c] as [TableModel, ColumnModel]));
}

function newColumn(model: SchemaModel, rnd: Rnd, type: string): ColumnModel {
  const defaults = defaultsFor(model, type);
  const withDefault = defaults.length > 0 && chance(rnd, 0.5);
  // A NOT NULL column added to a table with rows needs a default.
  return {
    name: fresh(model, "c"),
    type,
    nullable: !withDefault || chance(rnd, 0.3),
    default: withDefault ? pick(defaults, rnd) : undefined,
    indexed: false,
  };
}

function viewsOver(model: SchemaModel, source: string): ViewModel[] {
  const direct = model.views.filter((v) => v.source === source);
  return [...direct, ...direct.flatMap((v) => viewsOver(model, v.name))];
}

type Edit = (model: SchemaModel, rnd: Rnd) => string | undefined;

const EDITS: Record<string, Edit> = {
  addTable(model, rnd) {
    if (model.tables.length >= 5) return undefined;
    const table: TableModel = { name: fresh(model, "t"), columns: [], rows: chance(rnd, 0.75), strict: model.dialect === "sqlite" && chance(rnd, 0.2) };
    table.columns.push(newColumn(model, rnd, pick(BASE_TYPES.filter((t) => fits(table, t)), rnd)!));
    model.tables.push(table);
    return `add table ${table.name} with ${table.columns[0].name} ${table.columns[0].type}`;
  },
  dropTable(model, rnd) {
    if (model.tables.length < 3) return undefined;
    const table = pick(model.tables, rnd)!;
    model.tables = model.tables.filter((t) => t !== table);
    const gone = new Set(viewsOver(model, table.name).map((v) => v.name));
    model.views = model.views.filter((v) => !gone.has(v.name));
    for (const [, c] of columns(model, (c) => c.references?.table === table.name)) c.references = undefined;
    return `drop table ${table.name}`;
  },
  renameTable(model, rnd) {
    const table = pick(model.tables, rnd);
    if (!table) return undefined;
    const old = table.name;
    table.name = fresh(model, "t");
    table.renamedFrom = old;
    for (const v of model.views) if (v.source === old) v.source = table.name;
    for (const [, c] of columns(model, (c) => c.references?.table === old)) c.references!.table = table.name;
    return `rename table ${old} -> ${table.name}`;
  },
  addColumn(model, rnd) {
    const table = pick(model.tables, rnd);
    if (!table) return undefined;
    const types = [...BASE_TYPES, ...model.enums.map((e) => e.name)].filter((t) => fits(table, t));
    const column = newColumn(model, rnd, pick(types, rnd)!);
    table.columns.push(column);
    return `add column ${table.name}.${column.name} ${column.type}${column.nullable ? "?" : ""}${column.default ? ` default ${column.default}` : ""}`;
  },
  dropColumn(model, rnd) {
    // A downgrade adds the column back to a table with rows: only if it can be NULL or has a default.
    const [table, column] = pick(columns(model, (c, t) => t.columns.length > 1 && (c.nullable || c.default !== undefined)), rnd) ?? [];
    if (!table || !column) return undefined;
    table.columns = table.columns.filter((c) => c !== column);
    for (const v of model.views) if (v.source === table.name) v.columns = v.columns.filter((n) => n !== column.name);
    return `drop column ${table.name}.${column.name}`;
  },
  renameColumn(model, rnd) {
    const [table, column] = pick(columns(model, () => true), rnd) ?? [];
    if (!table || !column) return undefined;
    const old = column.name;
    column.name = fresh(model, "c");
    column.renamedFrom = old;
    for (const v of model.views) if (v.source === table.name) v.columns = v.columns.map((n) => (n === old ? column.name : n));
    return `rename column ${table.name}.${old} -> ${column.name}`;
  },
  widenType(model, rnd) {
    const widens = (c: ColumnModel, t: TableModel) => WIDER[c.type] !== undefined && fits(t, WIDER[c.type]) && !c.foreignKeyColumn;
    const [table, column] = pick(columns(model, (c, t) => widens(c, t) && !(WIDER[c.type] === "text" && (c.unique || c.indexed || c.default))), rnd) ?? [];
    if (!table || !column) return undefined;
    const from = column.type;
    column.type = WIDER[from];
    return `widen ${table.name}.${column.name} ${from} -> ${column.type}`;
  },
  toggleNullable(model, rnd) {
    const [table, column] = pick(columns(model, (c) => !c.foreignKeyColumn), rnd) ?? [];
    if (!table || !column) return undefined;
    column.nullable = !column.nullable;
    return `${table.name}.${column.name} ${column.nullable ? "nullable" : "not null (rows hold values)"}`;
  },
  toggleIndex(model, rnd) {
    const [table, column] = pick(columns(model, (c) => keyable(model, c)), rnd) ?? [];
    if (!table || !column) return undefined;
    column.indexed = !column.indexed;
    return `${column.indexed ? "index" : "unindex"} ${table.name}.${column.name}`;
  },
  toggleUnique(model, rnd) {
    const [table, column] = pick(columns(model, (c) => keyable(model, c)), rnd) ?? [];
    if (!table || !column) return undefined;
    column.unique = column.unique ? undefined : chance(rnd, 0.5) ? "named" : "unnamed";
    return `${column.unique ? `unique (${column.unique})` : "not unique"} ${table.name}.${column.name}`;
  },
  toggleCheck(model, rnd) {
    const [table, column] = pick(columns(model, numeric), rnd) ?? [];
    if (!table || !column) return undefined;
    column.check = column.check ? undefined : chance(rnd, 0.5) ? "named" : "unnamed";
    return `${column.check ? `check (${column.check})` : "no check on"} ${table.name}.${column.name}`;
  },
  toggleDefault(model, rnd) {
    const [table, column] = pick(columns(model, (c) => defaultsFor(model, c.type).length > 0 && !c.foreignKeyColumn), rnd) ?? [];
    if (!table || !column) return undefined;
    // A NOT NULL column keeps a default: rows are always filled, but a downgrade may add it back.
    column.default = column.default === undefined || !column.nullable ? pick(defaultsFor(model, column.type), rnd) : undefined;
    return `${column.default === undefined ? "drop default of" : `default ${column.default} on`} ${table.name}.${column.name}`;
  },
  addReference(model, rnd) {
    const [table, target] = [pick(model.tables, rnd), pick(model.tables, rnd)];
    if (!table || !target) return undefined;
    const column: ColumnModel = { name: fresh(model, "c"), type: "integer", nullable: true, indexed: false, foreignKeyColumn: true, references: { table: target.name, named: chance(rnd, 0.5) } };
    table.columns.push(column);
    return `add ${table.name}.${column.name} references ${target.name} (${column.references!.named ? "named" : "unnamed"})`;
  },
  dropReference(model, rnd) {
    const [table, column] = pick(columns(model, (c) => c.references !== undefined), rnd) ?? [];
    if (!table || !column) return undefined;
    column.references = undefined;
    return `drop the foreign key of ${table.name}.${column.name}`;
  },
  addView(model, rnd) {
    if (model.views.length >= 4) return undefined;
    const overView = chance(rnd, 0.3) ? pick(model.views, rnd) : undefined;
    if (overView) {
      model.views.push({ name: fresh(model, "v"), source: overView.name, columns: [] });
      return `add view ${model.views.at(-1)!.name} over view ${overView.name}`;
    }
    const table = pick(model.tables, rnd);
    if (!table) return undefined;
    const chosen = table.columns.filter(() => chance(rnd, 0.6)).map((c) => c.name);
    model.views.push({ name: fresh(model, "v"), source: table.name, columns: chosen });
    return `add view ${model.views.at(-1)!.name} over ${table.name} (${chosen.join(", ")})`;
  },
  dropView(model, rnd) {
    const view = pick(model.views, rnd);
    if (!view) return undefined;
    const gone = new Set([view.name, ...viewsOver(model, view.name).map((v) => v.name)]);
    model.views = model.views.filter((v) => !gone.has(v.name));
    return `drop view ${[...gone].join(", ")}`;
  },
  changeView(model, rnd) {
    const view = pick(model.views.filter((v) => model.tables.some((t) => t.name === v.source)), rnd);
    if (!view) return undefined;
    const table = model.tables.find((t) => t.name === view.source)!;
    const extra = table.columns.find((c) => !view.columns.includes(c.name));
    if (extra && chance(rnd, 0.6)) view.columns.push(extra.name);
    else if (view.columns.length) view.columns.pop();
    else return undefined;
    return `change view ${view.name} to (${view.columns.join(", ")})`;
  },
  changeCollation(model, rnd) {
    const [table, column] = pick(columns(model, (c) => TEXT_TYPES.includes(c.type)), rnd) ?? [];
    if (!table || !column) return undefined;
    const other = COLLATIONS[model.dialect].filter((c) => c !== column.collation);
    column.collation = column.collation !== undefined && chance(rnd, 0.4) ? undefined : pick(other, rnd);
    return `collation of ${table.name}.${column.name}: ${column.collation ?? "the default"}`;
  },
  changeIdentity(model, rnd) {
    const table = model.dialect === "postgresql" ? pick(model.tables, rnd) : undefined;
    if (!table) return undefined;
    if (table.identity && chance(rnd, 0.3)) table.identity = undefined;
    else table.identity = { start: table.identity?.start ?? 100, increment: 2 + Math.floor(rnd() * 5) };
    return table.identity ? `${table.name}.id identity start ${table.identity.start} increment ${table.identity.increment}` : `${table.name}.id no identity`;
  },
  toggleStrict(model, rnd) {
    const table = model.dialect === "sqlite" ? pick(model.tables, rnd) : undefined;
    if (!table || (!table.strict && !table.columns.every((c) => STRICT_TYPES.includes(c.type)))) return undefined;
    table.strict = !table.strict;
    return `${table.name} ${table.strict ? "strict" : "not strict"}`;
  },
  toggleOnUpdate(model, rnd) {
    const [table, column] = model.dialect === "mysql" ? pick(columns(model, (c) => c.type === "timestamp"), rnd) ?? [] : [];
    if (!table || !column) return undefined;
    column.onUpdate = !column.onUpdate;
    return `${table.name}.${column.name} ${column.onUpdate ? "on update now()" : "no on update"}`;
  },
  toggleDisplayWidth(model, rnd) {
    const [table, column] = model.dialect === "mysql" ? pick(columns(model, (c) => c.type === "integer" || c.type === ZEROFILL_INTEGER), rnd) ?? [] : [];
    if (!table || !column || column.foreignKeyColumn) return undefined;
    const from = column.type;
    column.type = from === "integer" ? ZEROFILL_INTEGER : "integer";
    return `${table.name}.${column.name} ${from} -> ${column.type}`;
  },
  changeReferenceAction(model, rnd) {
    // On MySQL/MariaDB NO ACTION, RESTRICT and no action written are three things the catalog tells apart.
    const [table, column] = model.dialect === "mysql" ? pick(columns(model, (c) => c.references !== undefined), rnd) ?? [] : [];
    if (!table || !column) return undefined;
    column.references!.onDelete = pick((["noAction", "restrict", undefined] as const).filter((a) => a !== column.references!.onDelete), rnd);
    return `on delete ${column.references!.onDelete ?? "(unspecified)"} for ${table.name}.${column.name}`;
  },
  addEnum(model, rnd) {
    if (model.dialect === "sqlite" || model.enums.length >= 2) return undefined;
    const table = pick(model.tables, rnd);
    if (!table) return undefined;
    const name = fresh(model, "E");
    model.enums.push({ name, values: [fresh(model, "a"), fresh(model, "b")] });
    const column = newColumn(model, rnd, name);
    table.columns.push(column);
    return `add enum ${name} and ${table.name}.${column.name} of it`;
  },
  addEnumValue(model, rnd) {
    const e = pick(model.enums, rnd);
    if (!e) return undefined;
    const value = fresh(model, "x");
    e.values.push(value);
    const [table, column] = pick(columns(model, (c) => c.type === e.name), rnd) ?? [];
    if (!table || !column || chance(rnd, 0.4)) return `add value ${value} to ${e.name}`;
    column.default = value;
    return `add value ${value} to ${e.name}, the default of ${table.name}.${column.name}`;
  },
};

/** Applies one random edit that fits the model; returns what it did. */
export function randomEdit(model: SchemaModel, rnd: Rnd): string {
  const names = Object.keys(EDITS);
  for (;;) {
    // Tables first, so a young history has something to edit.
    const name = model.tables.length < 2 && chance(rnd, 0.5) ? "addTable" : pick(names, rnd)!;
    const done = EDITS[name](model, rnd);
    if (done) return done;
  }
}

