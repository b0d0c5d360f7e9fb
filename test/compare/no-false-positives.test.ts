import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../src/compare/index.js";
import { dialectNamed } from "../../src/dialects/registry.js";
import { Column, defaults, MetaData, PORTABLE_TYPES, scalarType, Table, type DefaultValue } from "../../src/model/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { FIXTURES } from "./no-false-positives-fixtures.js";
import { diffs, schema, summary } from "./support.js";

const DIALECTS = ["sqlite", "postgresql", "mysql"] as const;

/** A column per portable type, each in a nullable and a NOT NULL variant, with parameters where the type takes them. */
function everyPortableType(): Table {
  const columns = PORTABLE_TYPES.filter((t) => !t.aliasOf && !t.expandsTo).flatMap((spec) => {
    const args = spec.params ? spec.params.ranges.slice(0, Math.max(spec.params.min, 1)).map(([lo, hi]) => Math.min(Math.max(lo, 2), hi)) : [];
    return [true, false].map((nullable) => new Column({ name: `${spec.name}_${nullable ? "null" : "not_null"}`, type: scalarType(spec.name, args), nullable }));
  });
  return new Table({ name: "types", columns });
}

const DEFAULTS: DefaultValue[] = [
  defaults.literal("text 'quoted'"),
  defaults.literal(-1.5),
  defaults.literal(0),
  defaults.literal(true),
  defaults.literal(null),
  defaults.now(),
  defaults.autoincrement(),
  defaults.sql("lower('A')"),
];

function everyDefaultKind(): Table {
  return new Table({
    name: "defaults",
    columns: DEFAULTS.map((d, i) => new Column({ name: `c${i}`, type: scalarType("text"), nullable: true, default: d })),
  });
}

for (const dialect of DIALECTS) {
  test(`${dialect}: a model compared with an equal copy of itself gives no diff (every portable type and default kind)`, async () => {
    const build = () => new MetaData({ tables: [everyPortableType(), everyDefaultKind()] });
    assert.equal(await diffs(build(), build(), dialect), []);
  });

  test(`${dialect}: a compiled .schema compared with a second compile of it gives no diff`, async () => {
    const text = FIXTURES[dialect].SCHEMA;
    assert.equal(await diffs(schema(text, dialect), schema(text, dialect), dialect), []);
  });
}

for (const dialect of availableDialects()) {
  test(`${dialect}: hand-written DDL and the equivalent .schema give no diff, and one change gives exactly one`, async () => {
    await withTestDatabase(dialect, async (db) => {
      const { SCHEMA, DDL } = FIXTURES[dialect];
      await db.run(DDL);
      const connection = await dialectNamed(dialect)!.connect(db.url);
      try {
        const context = MigrationContext.configure({ connection });
        assert.equal((await compareMetadata(context, schema(SCHEMA, dialect))).map(summary), []);
        const changed = SCHEMA.replace('qty       integer        @default(0)', 'qty       integer        @default(1)');
        assert.equal((await compareMetadata(context, schema(changed, dialect))).map(summary), [
          'modify_default child.qty {"kind":"number","value":"0"} -> {"kind":"number","value":"1"}',
        ]);
      } finally {
        await connection.close();
      }
    });
  });
}

// Check constraints as people write them; each database gives them back in its own spelling.
// (MariaDB folds `not (a > y)` into `a <= y`: negations are not normalized, so it is left out.)
const CHECKS = [
  "rating between 0 and 5",
  "name like 'a%'",
  "name not like 'a%'",
  "a != y",
  "status in ('a', 'b')",
  "status not in ('a', 'b')",
  "x is not null and y > 0 or z < 1",
  "upper(name) = name",
  "coalesce(a, 0) >= 0",
  "price * 2 > 10.5",
  "x >= -1",
];

for (const dialect of availableDialects()) {
  test(`${dialect}: check constraints written by hand and given back by the database compare equal`, async () => {
    const columns = "rating integer, name varchar(10), a integer, y integer, status varchar(5), x integer, z integer, price decimal(10,2)";
    const ddl = `CREATE TABLE t (id integer PRIMARY KEY, ${columns}, ${CHECKS.map((c, i) => `CONSTRAINT ck_${i} CHECK (${c})`).join(", ")})`;
    const text = [
      "table t {",
      "  id integer @id",
      ...columns.split(", ").map((c) => `  ${c}?`),
      ...CHECKS.map((c, i) => `  @@check(sql(${JSON.stringify(c)}), name: "ck_${i}")`),
      "}",
    ].join("\n");
    await withTestDatabase(dialect, async (db) => {
      await db.run(ddl);
      const connection = await dialectNamed(dialect)!.connect(db.url);
      try {
        assert.equal((await compareMetadata(MigrationContext.configure({ connection }), schema(text, dialect))).map(summary), []);
      } finally {
        await connection.close();
      }
    });
  });
}

// Views as people write them; PostgreSQL gives back a rewritten SELECT (qualified columns, `*` expanded).
const VIEWS = [
  "select id, name from t where x > 0",
  "select t.id, u.id as uid from t join u on u.id = t.id",
  "select count(*) as n from t group by name",
  "select * from t",
  "SELECT name FROM t ORDER BY name DESC LIMIT 5",
  "select distinct name from t where (x between 1 and 3) and name like 'a%'",
];

for (const dialect of availableDialects()) {
  test(`${dialect}: views written by hand and given back by the database compare equal`, async () => {
    const text = [
      "table t {\n  id integer?\n  name text?\n  x integer?\n}",
      "table u {\n  id integer?\n}",
      ...VIEWS.map((v, i) => `view v${i} = sql(${JSON.stringify(v)})`),
    ].join("\n");
    await withTestDatabase(dialect, async (db) => {
      await db.run(["create table t (id integer, name text, x integer);", "create table u (id integer);", ...VIEWS.map((v, i) => `create view v${i} as ${v};`)].join("\n"));
      const connection = await dialectNamed(dialect)!.connect(db.url);
      try {
        assert.equal((await compareMetadata(MigrationContext.configure({ connection }), schema(text, dialect))).map(summary), []);
      } finally {
        await connection.close();
      }
    });
  });
}

// Views the servers store rewritten beyond what normalizing text undoes: PostgreSQL lays out a UNION,
// a CTE and joins anew and adds casts; MySQL turns USING and comma joins into ON and JOIN, names
// literals and qualifies a CTE's columns. Comparison asks the server how it would store the model's.
const REWRITTEN_VIEWS: Record<"postgresql" | "mysql", string[]> = {
  postgresql: [
    "select t.id, coalesce(t.name, 'none') as label from t where t.x is not null union select u.id, 'u' from u",
    "with big as (select id from t where x > 10) select big.id from big join u on u.id = big.id",
    "select t.id, t.x::text || '!' as xs from t left join u using (id) where t.name ilike 'a%'",
  ],
  mysql: [
    "select t.id, u.id as uid from t left join u using (id)",
    "select t.id, coalesce(t.name, 'none') as label from t where t.x is not null union select u.id, 'u' from u",
    "select t.id from t, u where t.id = u.id",
    "with big as (select id from t where x > 10) select big.id from big join u on u.id = big.id",
  ],
};

const LEFTOVER_VIEWS = {
  postgresql: "select relname from pg_catalog.pg_class where relname like 'strata_view_definition%'",
  mysql: "select table_name from information_schema.views where table_schema = database() and table_name like 'strata_view_definition%'",
};

for (const dialect of availableDialects(["postgresql", "mysql"]) as Array<"postgresql" | "mysql">) {
  test(`${dialect}: views the server rewrites compare equal, a changed one still differs, and nothing is left behind`, async () => {
    const views = REWRITTEN_VIEWS[dialect];
    const tables = "table t {\n  id integer?\n  name text?\n  x integer?\n}\ntable u {\n  id integer?\n}";
    const text = [tables, ...views.map((v, i) => `view v${i} = sql(${JSON.stringify(v)})`)].join("\n");
    await withTestDatabase(dialect, async (db) => {
      await db.run(["create table t (id integer, name text, x integer);", "create table u (id integer);", ...views.map((v, i) => `create view v${i} as ${v};`)].join("\n"));
      const connection = await dialectNamed(dialect)!.connect(db.url);
      try {
        const context = MigrationContext.configure({ connection });
        assert.equal((await compareMetadata(context, schema(text, dialect))).map(summary), []);
        const cte = views.findIndex((v) => v.includes("x > 10"));
        assert.equal((await compareMetadata(context, schema(text.replace("x > 10", "x > 11"), dialect))).map(summary), [`modify_view v${cte} v${cte} v${cte}`]);
        // A definition naming a table the database does not have yet cannot be asked about: it is a change, as written.
        const union = views.findIndex((v) => v.endsWith("from u"));
        const ahead = `${text.replace("from u\"", "from w\"")}\ntable w {\n  id integer?\n}`;
        assert.equal((await compareMetadata(context, schema(ahead, dialect))).map(summary), ["add_table w", `modify_view v${union} v${union} v${union}`]);
        assert.equal(await connection.query(LEFTOVER_VIEWS[dialect]), []);
        // Inside a transaction of the caller's, asking neither aborts it (PostgreSQL) nor commits it (MySQL).
        await connection.execute("begin");
        await connection.execute("insert into u values (1)");
        await compareMetadata(context, schema(ahead, dialect));
        await connection.execute("rollback");
        const [{ n }] = await connection.query<{ n: unknown }>("select count(*) as n from u");
        assert.is(Number(n), 0, "the caller's transaction was rolled back, not committed");
      } finally {
        await connection.close();
      }
    });
  });
}

for (const dialect of availableDialects(["postgresql"])) {
  test(`${dialect}: a schema the model names is reflected and compared without includeSchemas`, async () => {
    await withTestDatabase(dialect, async (db) => {
      await db.run("CREATE SCHEMA audit; CREATE TABLE audit.event (id integer PRIMARY KEY, note text); CREATE SCHEMA other; CREATE TABLE other.t (id integer)");
      const connection = await dialectNamed(dialect)!.connect(db.url);
      try {
        const context = MigrationContext.configure({ connection });
        assert.equal(await compareMetadata(context, schema("table audit.event {\n  id integer @id\n  note text?\n}", dialect)), []);
        assert.equal((await compareMetadata(context, schema("table audit.event {\n  id integer @id\n}", dialect))).map(summary), [
          "remove_column audit.event.note",
        ]);
      } finally {
        await connection.close();
      }
    });
  });
}

test.run();
