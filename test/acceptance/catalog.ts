/**
 * A database's schema read with its own catalog queries (not strata's
 * reflection), as sorted plain data (a materialized view's indexes stand
 * with the tables' in pg_indexes), so acceptance tests can compare two
 * databases, or one database before and after, without trusting strata.
 *
 * Privileges (GRANT and REVOKE on schemas, tables, columns and routines,
 * default privileges) are left out on purpose: strata's model describes
 * schema objects, not who may use them, the way Alembic's does; access
 * control is the deployment's (roles differ between databases built from
 * one schema), so comparing ACLs would compare what no schema states.
 */
import type { DialectName, TestDatabase } from "../support/databases.js";
import { OBJECT_READERS } from "./catalog-objects.js";

export interface Catalog {
  readonly tables: Record<string, TableCatalog>;
  /** Objects that are not tables (extensions, domains, functions, procedures, triggers, ...), one sorted line each. */
  readonly objects: string[];
}

export interface TableCatalog {
  /** name → "type | null/not null | default | extra" */
  readonly columns: Record<string, string>;
  /** One line per key, constraint and index, sorted. */
  readonly constraints: string[];
  readonly indexes: string[];
}

type Row = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

export async function readCatalog(db: TestDatabase, options: { skip?: readonly string[] } = {}): Promise<Catalog> {
  const skip = new Set(["strata_version", ...(options.skip ?? [])]);
  const read = READERS[db.dialect];
  const tables = await read(db);
  for (const name of Object.keys(tables)) if (skip.has(name.replace(/^.*\./, ""))) delete tables[name];
  for (const table of Object.values(tables)) {
    table.constraints.sort();
    table.indexes.sort();
  }
  const objects = [...(await OBJECT_READERS[db.dialect](db)), ...(db.dialect === "postgresql" ? await readPostgresqlObjects(db) : [])];
  return { tables: Object.fromEntries(Object.entries(tables).sort(([a], [b]) => (a < b ? -1 : 1))), objects: objects.sort() };
}

/** PostgreSQL's objects besides tables, as its own catalog describes them. */
async function readPostgresqlObjects(db: TestDatabase): Promise<string[]> {
  const extensions = await db.query<Row>(
    `SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
       FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
  );
  const domains = await db.query<Row>(
    `SELECT n.nspname || '.' || t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type, t.typnotnull AS notnull,
            t.typdefault AS dflt, co.collname AS coll,
            (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), '; ' ORDER BY c.conname)
               FROM pg_constraint c WHERE c.contypid = t.oid) AS checks
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_collation co ON co.oid = t.typcollation
      WHERE t.typtype = 'd' AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
  );
  const composites = await db.query<Row>(
    `SELECT n.nspname || '.' || c.relname AS name,
            (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' collate ' || co.collname, ''), ', ' ORDER BY a.attnum)
               FROM pg_attribute a LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'c' AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
  );
  const schemas = await db.query<Row>(
    `SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
       FROM pg_namespace n WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`,
  );
  const views = await db.query<Row>(
    `SELECT n.nspname || '.' || c.relname AS name, c.relkind AS kind, c.relispopulated AS populated,
            pg_get_viewdef(c.oid) AS def, obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
  );
  return [
    ...schemas.map((s) => `schema ${s.name} -- comment: ${text(s.comment)}`),
    ...extensions.map((e) => `extension ${e.name}: schema ${e.schema} version ${e.version}`),
    ...composites.map((t) => `composite type ${t.name}: (${text(t.attributes)})`),
    ...views.map((v) =>
      `${v.kind === "m" ? `materialized view ${v.name} (${v.populated ? "populated" : "with no data"})` : `view ${v.name}`}: ${text(v.def)} -- comment: ${text(v.comment)}`,
    ),
    ...domains.map((d) => `domain ${d.name}: ${d.type} | ${d.notnull ? "not null" : "null"} | ${text(d.dflt)} | ${text(d.coll)} | ${text(d.checks)}`),
  ];
}

type MutableTable = { columns: Record<string, string>; constraints: string[]; indexes: string[] };
type Tables = Record<string, MutableTable>;

function table(tables: Tables, name: string): MutableTable {
  return (tables[name] ??= { columns: {}, constraints: [], indexes: [] });
}

const READERS: Record<DialectName, (db: TestDatabase) => Promise<Tables>> = {
  async postgresql(db) {
    const tables: Tables = {};
    const where = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";
    const columns = await db.query<Row>(
      `SELECT n.nspname || '.' || c.relname AS t, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity AS identity, a.attgenerated AS generated,
              a.attstorage AS storage, a.attcompression AS compression, co.collname AS collation,
              a.attislocal AS local, a.attinhcount AS inherited, col_description(a.attrelid, a.attnum) AS comment
         FROM pg_attribute a LEFT JOIN pg_collation co ON co.oid = a.attcollation JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE ${where} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    for (const c of columns) {
      table(tables, text(c.t)).columns[text(c.name)] =
        `${c.type} | ${c.notnull ? "not null" : "null"} | ${text(c.dflt)} | ${text(c.identity)}${text(c.generated)} | ` +
        `storage ${text(c.storage)} compression ${text(c.compression)} collation ${text(c.collation)} -- comment: ${text(c.comment)}` +
        (c.local && !Number(c.inherited) ? "" : ` | local ${text(c.local)} inherited ${text(c.inherited)}`);
    }
    const constraints = await db.query<Row>(
      `SELECT n.nspname || '.' || c.relname AS t, k.conname AS name, pg_get_constraintdef(k.oid) AS def,
              k.conislocal AS local, k.coninhcount AS inherited, k.conparentid <> 0 AS cloned
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${where}`,
    );
    for (const k of constraints) {
      const origin = k.local && !Number(k.inherited) && !k.cloned ? "" : ` (local ${text(k.local)} inherited ${text(k.inherited)} cloned ${text(k.cloned)})`;
      table(tables, text(k.t)).constraints.push(`${k.name}: ${k.def}${origin}`);
    }
    const indexes = await db.query<Row>(
      `SELECT x.schemaname || '.' || x.tablename AS t, x.indexdef AS def,
              (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = format('%I.%I', x.schemaname, x.indexname)::regclass) AS parent
         FROM pg_indexes x WHERE x.schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const i of indexes) table(tables, text(i.t)).indexes.push(`${text(i.def)}${i.parent ? ` (partition of ${text(i.parent)})` : ""}`);
    const relations = await db.query<Row>(
      `SELECT n.nspname || '.' || c.relname AS t, c.relpersistence AS persistence, c.reloptions AS options,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, obj_description(c.oid, 'pg_class') AS comment,
              pg_get_partkeydef(c.oid) AS partition_key, pg_get_expr(c.relpartbound, c.oid) AS bound,
              (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parents
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${where} AND c.relkind IN ('r', 'p')`,
    );
    for (const r of relations) {
      const partitioning = [r.partition_key && `partition by ${text(r.partition_key)}`, r.parents && `parents ${text(r.parents)}`, r.bound && text(r.bound)];
      const extra = partitioning.filter(Boolean).join(" ");
      table(tables, text(r.t)).constraints.push(
        `(table) persistence ${text(r.persistence)} options ${text(r.options)} row level security ${text(r.rls)} force ${text(r.force_rls)}${extra ? ` ${extra}` : ""} -- comment: ${text(r.comment)}`,
      );
    }
    // Enum types, values in their sort order, as one pseudo-table (none when there are none).
    const enums = await db.query<Row>(
      `SELECT n.nspname || '.' || t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE ${where} GROUP BY 1`,
    );
    for (const e of enums) table(tables, "(enum types)").constraints.push(`${text(e.name)}: ${text(e.labels)}`);
    const sequences = await db.query<Row>(
      `SELECT n.nspname || '.' || c.relname AS name, s.seqtypid::regtype AS type, s.seqstart AS start, s.seqincrement AS inc,
              s.seqmin AS min, s.seqmax AS max, s.seqcache AS cache, s.seqcycle AS cycle
         FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${where}`,
    );
    for (const s of sequences) {
      table(tables, "(sequences)").constraints.push(
        `${text(s.name)}: ${text(s.type)} start ${text(s.start)} increment ${text(s.inc)} min ${text(s.min)} max ${text(s.max)} cache ${text(s.cache)} cycle ${text(s.cycle)}`,
      );
    }
    return tables;
  },

  async mysql(db) {
    const tables: Tables = {};
    const columns = await db.query<Row>(
      `SELECT table_name AS t, column_name AS name, column_type AS type, is_nullable AS nullable, column_default AS dflt, extra,
              collation_name AS coll
         FROM information_schema.columns WHERE table_schema = DATABASE()`,
    );
    for (const c of columns) {
      table(tables, text(c.t)).columns[text(c.name)] =
        `${c.type} | ${c.nullable === "YES" ? "null" : "not null"} | ${text(c.dflt)} | ${text(c.extra)} | ${text(c.coll)}`;
    }
    const keys = await db.query<Row>(
      `SELECT k.table_name AS t, k.constraint_name AS name, c.constraint_type AS type,
              GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position) AS cols,
              MAX(k.referenced_table_name) AS rt, GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position) AS rcols,
              MAX(r.update_rule) AS upd, MAX(r.delete_rule) AS del
         FROM information_schema.key_column_usage k
         JOIN information_schema.table_constraints c
           ON c.constraint_schema = k.constraint_schema AND c.table_name = k.table_name AND c.constraint_name = k.constraint_name
         LEFT JOIN information_schema.referential_constraints r
           ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name
        WHERE k.table_schema = DATABASE() GROUP BY k.table_name, k.constraint_name, c.constraint_type`,
    );
    for (const k of keys) {
      const ref = k.rt ? ` -> ${k.rt}(${k.rcols}) on update ${k.upd} on delete ${k.del}` : "";
      table(tables, text(k.t)).constraints.push(`${k.name}: ${k.type} (${k.cols})${ref}`);
    }
    const checks = await db.query<Row>(
      `SELECT c.table_name AS t, c.constraint_name AS name, k.check_clause AS def
         FROM information_schema.table_constraints c JOIN information_schema.check_constraints k
           ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
        WHERE c.table_schema = DATABASE() AND c.constraint_type = 'CHECK'`,
    );
    for (const k of checks) table(tables, text(k.t)).constraints.push(`${k.name}: CHECK ${k.def}`);
    const indexes = await db.query<Row>(
      `SELECT table_name AS t, index_name AS name, non_unique AS nu, index_type AS type,
              GROUP_CONCAT(CONCAT(column_name, IF(sub_part IS NULL, '', CONCAT('(', sub_part, ')')), IF(collation = 'D', ' DESC', ''))
                           ORDER BY seq_in_index) AS cols
         FROM information_schema.statistics WHERE table_schema = DATABASE() GROUP BY table_name, index_name, non_unique, index_type`,
    );
    for (const i of indexes)
      table(tables, text(i.t)).indexes.push(`${i.name}: ${Number(i.nu) ? "" : "UNIQUE "}${i.type} (${i.cols})`);
    const options = await db.query<Row>(
      `SELECT table_name AS t, engine, table_collation AS coll, create_options AS opts, auto_increment AS ai, table_comment AS comment
         FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`,
    );
    for (const o of options) {
      table(tables, text(o.t)).constraints.push(
        `(table) ENGINE=${text(o.engine)} COLLATE=${text(o.coll)} AUTO_INCREMENT=${text(o.ai)} ${text(o.opts)} COMMENT=${text(o.comment)}`,
      );
    }
    return tables;
  },

  async sqlite(db) {
    const tables: Tables = {};
    const names = await db.query<Row>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    for (const { name, sql } of names) {
      const t = table(tables, text(name));
      const q = `'${text(name).replaceAll("'", "''")}'`;
      for (const c of await db.query<Row>(`SELECT * FROM pragma_table_xinfo(${q})`)) {
        t.columns[text(c.name)] =
          `${c.type} | ${Number(c.notnull) ? "not null" : "null"} | ${text(c.dflt_value)} | pk ${c.pk} | hidden ${c.hidden}`;
      }
      const fks = await db.query<Row>(`SELECT * FROM pragma_foreign_key_list(${q}) ORDER BY id, seq`);
      const byId = new Map<unknown, Row[]>();
      for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
      for (const parts of byId.values()) {
        const [first] = parts;
        t.constraints.push(
          `FOREIGN KEY (${parts.map((p) => p.from).join(",")}) -> ${first.table}(${parts.map((p) => text(p.to)).join(",")}) ` +
            `on update ${first.on_update} on delete ${first.on_delete}`,
        );
      }
      for (const check of checkClauses(text(sql))) t.constraints.push(`CHECK ${check}`);
      if (/\bAUTOINCREMENT\b/i.test(text(sql))) t.constraints.push("AUTOINCREMENT");
      const [options] = await db.query<Row>(`SELECT wr, strict FROM pragma_table_list(${q}) WHERE schema = 'main'`);
      if (Number(options.wr)) t.constraints.push("WITHOUT ROWID");
      if (Number(options.strict)) t.constraints.push("STRICT");
      for (const index of await db.query<Row>(`SELECT * FROM pragma_index_list(${q})`)) {
        const iq = `'${text(index.name).replaceAll("'", "''")}'`;
        const cols = await db.query<Row>(`SELECT * FROM pragma_index_xinfo(${iq}) WHERE key = 1 ORDER BY seqno`);
        const where = (await db.query<Row>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ${iq}`))[0]
          ?.sql;
        const partial = / WHERE (.*)$/is.exec(text(where))?.[1] ?? "";
        const auto = text(index.name).startsWith("sqlite_autoindex_") ? "(auto)" : text(index.name);
        t.indexes.push(
          `${auto}: ${Number(index.unique) ? "UNIQUE " : ""}${index.origin} (${cols.map((c) => `${text(c.name)}${Number(c.desc) ? " DESC" : ""}`).join(",")})${partial ? ` WHERE ${normalize(partial)}` : ""}`,
        );
      }
    }
    return tables;
  },
};

/** The CHECK (...) clauses of a CREATE TABLE, whitespace and identifier quotes normalized. */
function checkClauses(sql: string): string[] {
  const out: string[] = [];
  const re = /\bCHECK\s*\(/gi;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < sql.length && depth > 0; i++) {
      if (sql[i] === "'") i = sql.indexOf("'", i + 1);
      else if (sql[i] === "(") depth++;
      else if (sql[i] === ")") depth--;
    }
    out.push(normalize(sql.slice(re.lastIndex, i - 1)));
  }
  return out;
}

function normalize(sql: string): string {
  return sql
    .replace(/["`[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The differences between two catalogs, one line each (empty when they match): readable where a deep-equal diff is not. */
export function catalogDifferences(
  expected: Catalog,
  actual: Catalog,
  options: { columnOrder?: boolean } = {},
): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    const [e, a] = [expected.tables[name], actual.tables[name]];
    if (!e || !a) {
      out.push(`table ${name}: ${e ? "missing" : "unexpected"}`);
      continue;
    }
    const columns = new Set([...Object.keys(e.columns), ...Object.keys(a.columns)]);
    for (const column of columns) {
      if (e.columns[column] !== a.columns[column]) {
        out.push(`${name}.${column}: expected ${e.columns[column] ?? "(none)"}, got ${a.columns[column] ?? "(none)"}`);
      }
    }
    const orderMatters = options.columnOrder ?? true;
    if (orderMatters && Object.keys(e.columns).join() !== Object.keys(a.columns).join() && out.length === 0) {
      out.push(`${name}: column order ${Object.keys(e.columns).join(",")} became ${Object.keys(a.columns).join(",")}`);
    }
    for (const kind of ["constraints", "indexes"] as const) {
      for (const line of e[kind].filter((l) => !a[kind].includes(l))) out.push(`${name}: missing ${line}`);
      for (const line of a[kind].filter((l) => !e[kind].includes(l))) out.push(`${name}: unexpected ${line}`);
    }
  }
  for (const line of expected.objects.filter((l) => !actual.objects.includes(l))) out.push(`missing ${line}`);
  for (const line of actual.objects.filter((l) => !expected.objects.includes(l))) out.push(`unexpected ${line}`);
  return out;
}
