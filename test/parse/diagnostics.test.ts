import { test } from "uvu";
import * as assert from "uvu/assert";
import { compileSchema, formatDiagnostics } from "../../src/parse/index.js";

/** Every diagnostic of one file as `line:column: message`. */
function errors(text: string): string[] {
  const result = compileSchema([{ path: "t.schema", text }], { env: {} });
  assert.is(result.metadata, undefined, "no model when there are errors");
  return result.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
}

const PG = 'database { dialect = "postgresql" }\n';
const MYSQL = 'database { dialect = "mysql" }\n';
const SQLITE = 'database { dialect = "sqlite" }\n';

/** [error class, source, the exact diagnostics]. Positions are 1-based. */
const CASES: Array<[string, string, string[]]> = [
  // syntax and lexing
  ["a stray token at top level", "foo bar\ntable t { a integer }", ['1:1: unexpected "foo": expected a declaration (database, enum, table, type, view, materialized view, sequence, extension, domain, function, procedure, aggregate, trigger, policy or schema)']],
  ["an extension on SQLite", "extension citext", ["1:1: extensions are not supported by sqlite"]],
  ["an extension with a schema in its name", `${PG}extension ext.citext`, ['2:15: an extension name is one name: say where its objects go with `schema = "..."`']],
  ["an unknown extension setting", `${PG}extension citext { shema = "ext" }`, ['2:20: unknown extension setting "shema"; did you mean "schema"?']],
  ["a duplicate extension", `${PG}extension citext\nextension citext`, ['3:11: duplicate extension "citext"']],
  ["a domain on MySQL", `${MYSQL}domain posint integer`, ["2:1: domains are not supported by mysql"]],
  ["an unknown domain attribute", `${PG}domain posint integer @chek(sql("VALUE > 0"))`, ['2:23: unknown domain attribute "@chek"; did you mean "@check"?']],
  ["a domain with parameters where it is used", `${PG}domain code varchar(3)\ntable t {\n  c code(5)\n}`, ['4:10: domain "code" takes no parameters']],
  ["a domain named like an enum", `${PG}enum mood { ok }\ndomain mood text`, ['3:8: "mood" is already declared as an enum']],
  ["a missing type", "table t { a }", ['1:13: expected a type but found "}"']],
  ["an unclosed argument list", "table t { a integer @default(1\n  b text }", ['2:3: expected \')\' but found "b"']],
  ["end of file inside a table points past the last token", "table t {\n  a integer", ["2:12: expected '}' but found end of file"]],
  ["a missing value", "table t { a integer\n  @@index([a,]) }", ['2:14: expected a value (a string, a number, a name, a call like sql("...") or a [list]) but found "]"']],
  ["a missing '='", "view v sql(\"x\")", ['1:8: expected \'=\' but found "sql"']],
  ["an unexpected character", "table t { a integer % }", ['1:21: unexpected character "%"']],
  ["an unterminated string", 'table t { a text @default("abc) }', ["1:27: unterminated string: add the closing '\"'", "1:34: expected ')' but found end of file"]],
  ["an unterminated block comment", "table t { a integer } /* open", ["1:23: unterminated block comment: add the closing '*/'"]],
  ["an unterminated block string", 'view v = sql("""\n  select 1\n', ["1:14: unterminated block string: add the closing '\"\"\"'", "3:1: expected ')' but found end of file"]],
  ["a block string's text on its opening line", 'view v = sql("""select 1\n  """)', ['1:17: a block string\'s text starts on the line after its opening """']],
  ["a block string's closing quotes after text", 'view v = sql("""\n  select 1""")', ['2:11: a block string\'s closing """ goes on a line of its own']],
  ["a block string line indented less than its closing quotes", 'view v = sql("""\n    select 1\n  from t\n    """)', ['3:3: this line of a block string is indented less than its closing """']],
  ["a block string as a name", 'table """t""" { a integer }', ['1:7: a block string (""") is a value, not a name']],
  ["an invalid escape", 'table t { a text @default("\\d") }', ['1:27: invalid escape in string: use \\\\, \\", \\n, \\t, \\r or \\uXXXX']],
  // functions, procedures and triggers
  ["functions on a dialect without them", 'function f { returns = "int" body = "x" }', ["1:1: functions and procedures are not supported by sqlite"]],
  ["an unknown routine setting", PG + 'function f { returns = "int" bodyy = "x" }', ['2:30: unknown function setting "bodyy"; did you mean "body"?']],
  ["a routine setting the dialect has not", MYSQL + 'function f { returns = "int" volatility = stable body = "x" }', ['2:30: the function setting "volatility" is not supported by mysql']],
  ["a function without returns", PG + 'function f { body = "select 1" }', ['2:10: function "f" needs returns = ...']],
  ["a procedure with returns", PG + 'procedure p { returns = "int" body = "x" }', ['2:11: procedure "p" returns nothing: use a function, or OUT arguments']],
  ["an aggregate without its state type", PG + 'aggregate agg { arguments = "text" stateFunction = "f" }', ['2:11: aggregate "agg" needs stateType = ...']],
  ["an aggregate with a body", PG + 'aggregate agg { stateFunction = "f" stateType = "text" body = "x" }', ['2:56: the aggregate setting "body" is not supported by postgresql']],
  ["a trigger on an unknown table", "table t { a integer }\ntrigger x { on = tt timing = after events = [insert] body = \"x\" }", ['2:18: unknown table "tt" in trigger "x"']],
  ["a trigger event that is not one", "table t { a integer }\ntrigger x { on = t timing = after events = [insrt] body = \"x\" }", ['2:45: unknown trigger event "insrt"; did you mean "insert"?']],
  ["a qualified trigger name", PG + 'table t { a integer }\ntrigger app.x { on = t timing = after events = [insert] execute = sql("f()") }', ["3:9: a trigger lives in its table's schema: write its name alone and the table as on = schema.table"]],
  ["a trigger body where triggers execute functions", PG + 'table t { a integer }\ntrigger x { on = t timing = after events = [insert] body = "x" }', ['3:53: the trigger setting "body" is not supported by postgresql']],
  // schemas declared for themselves
  ["a schema where the dialect has none", SQLITE + "schema audit", ["2:1: schemas are not supported by sqlite"]],
  ["a duplicate schema", PG + "schema audit\nschema audit", ['3:8: duplicate schema "audit"']],
  ["a dotted schema name", PG + "schema a.b", ["2:8: a schema's name is a single name"]],
  // row-level security and policies
  ["a policy on an unknown table", PG + "table account { id integer }\npolicy p { on = acount }", ['3:17: unknown table "acount" in policy "p"; did you mean "account"?']],
  ["a policy on a view", PG + 'table t { a integer }\nview v = sql("select 1")\npolicy p { on = v }', ['4:17: "v" is a view: a policy is on a table']],
  ["a policy without its table", PG + "table t { a integer }\npolicy p { for = select }", ['3:8: policy "p" needs on = ...']],
  ["a policy setting that is not one", PG + "table t { a integer }\npolicy p { on = t usng = sql(\"true\") }", ['3:19: unknown policy setting "usng"; did you mean "using"?']],
  ["a policy command that is not one", PG + "table t { a integer }\npolicy p { on = t for = selct }", ['3:25: unknown policy command "selct"; did you mean "select"?']],
  ["a policy kind that is not one", PG + "table t { a integer }\npolicy p { on = t as = restricted }", ['3:24: unknown policy kind "restricted"; did you mean "restrictive"?']],
  ["a policy with no roles", PG + "table t { a integer }\npolicy p { on = t to = [] }", ["3:24: expected a list of roles like [public] or [app_user, admin] but found an empty list"]],
  ["a check on a select policy", PG + 'table t { a integer }\npolicy p { on = t for = select check = sql("a > 0") }', ["3:32: a policy for select takes no check = ...: select adds no new rows (write using)"]],
  ["a using on an insert policy", PG + 'table t { a integer }\npolicy p { on = t for = insert using = sql("a > 0") }', ["3:32: a policy for insert takes no using = ...: an insert sees no existing rows (write check)"]],
  ["a qualified policy name", PG + "table t { a integer }\npolicy app.p { on = t }", ["3:8: a policy lives in its table's schema: write its name alone and the table as on = schema.table"]],
  ["a duplicate policy", PG + "table t { a integer }\npolicy p { on = t }\npolicy p { on = t }", ['4:8: duplicate policy "p" on table "t"']],
  ["policies where the dialect has none", SQLITE + "table t { a integer }\npolicy p { on = t }", ["3:1: row-level security policies are not supported by sqlite"]],
  ["row-level security where the dialect has none", MYSQL + "table t {\n  a integer\n  @@rowLevelSecurity\n}", ["4:3: @@rowLevelSecurity is not supported by mysql"]],
  ["a force flag that is not a boolean", PG + "table t {\n  a integer\n  @@rowLevelSecurity(force: yes)\n}", ['4:29: expected true or false but found "yes"']],
  ["an unknown row-level security argument", PG + "table t {\n  a integer\n  @@rowLevelSecurity(forced: true)\n}", ['4:22: unknown argument "forced" of @@rowLevelSecurity; did you mean "force"?']],
  // names and types
  ["unknown type", "table t {\n  id integr\n}", ['2:6: unknown type "integr"; did you mean "integer"?']],
  ["unknown type suggests an enum", PG + "enum Status { on off }\ntable t { s Statuss }", ['3:13: unknown type "Statuss"; did you mean "Status"?']],
  ["unknown type suggests a dialect-native type", PG + "table t { a jsonbb }", ['2:13: unknown type "jsonbb"; did you mean "jsonb"?']],
  ["type parameter out of range", "table t { a varchar(-5) }", ["1:21: varchar length must be between 1 and 10485760, got -5"]],
  ["MySQL needs varchar's length", MYSQL + "table t { a varchar }", ['2:13: type "varchar" takes 1 parameter (length), got 0']],
  ["wrong number of type parameters", "table t { a decimal(1, 2, 3) }", ['1:13: type "decimal" takes at most 2 parameters (precision, scale), got 3']],
  ["scale larger than precision", "table t { a decimal(3, 5) }", ["1:24: decimal scale 5 is larger than its precision 3"]],
  ["parameters on a type without any", "table t { a text(5) }", ['1:18: type "text" takes no parameters']],
  ["parameters on an enum type", PG + "enum Role { a }\ntable t { a Role(3) }", ['3:18: enum type "Role" takes no parameters']],
  ["a three-part name", "table a.b.c { x integer }", ["1:11: expected a name or schema.name, not a 3-part name"]],
  // attributes
  ["unknown attribute", "table t { id integer @defualt(1) }", ['1:22: unknown attribute "@defualt"; did you mean "@default"?']],
  ["unknown table attribute", "table t { id integer\n  @@indx([id]) }", ['2:3: unknown table attribute "@@indx"; did you mean "@@index"?']],
  ["unknown view attribute", 'view v = sql("select 1") @commnt("x")', ['1:26: unknown view attribute "@commnt"; did you mean "@comment"?']],
  ["an index on a plain view", 'view v = sql("select 1 as a") @index([a])', ['1:31: @index is only for a materialized view: write "materialized view v"']],
  [
    "duplicate index of a materialized view",
    PG + 'materialized view v = sql("select 1 as a")\n  @index([a], name: "ix")\n  @index([a], name: "ix", unique: true)',
    ['4:21: duplicate index name "ix" in materialized view "v"'],
  ],
  ["a partition's own column", PG + 'table p { a integer\n  @@partitionBy(range, [a]) }\ntable c {\n  b integer\n  @@partitionOf(p, default) }', ['5:3: a partition takes its columns from its parent table: declare "b" there']],
  ["an unknown partitioning strategy", PG + "table p { a integer\n  @@partitionBy(rnage, [a]) }", ['3:17: unknown partitioning strategy "rnage"; expected range, list or hash']],
  ["a partition key that is not a list", PG + "table p { a integer\n  @@partitionBy(range, a) }", ['3:24: expected the partition key as a list of columns or sql("...") like [sold_on] but found "a"']],
  ["a partition bound that is not FOR VALUES", PG + 'table p { a integer\n  @@partitionBy(list, [a]) }\ntable c {\n  @@partitionOf(p, sql("IN (1)")) }', ["5:20: a partition's bound starts with FOR VALUES (FROM ... TO ..., IN (...), WITH (modulus ..., remainder ...)), or is default"]],
  ["a partition of an unknown table", PG + "table orders { a integer\n  @@partitionBy(list, [a]) }\ntable c {\n  @@partitionOf(ordres, default) }", ['5:17: unknown table "ordres"; did you mean "orders"?']],
  ["a partition of a table that is not partitioned", PG + "table p { a integer }\ntable c {\n  @@partitionOf(p, default) }", ['4:17: table "p" is not partitioned: give it @@partitionBy(range, [column])']],
  ["inheriting from an unknown table", PG + "table event { a integer }\ntable c {\n  @@inherits([evnt]) }", ['4:15: unknown table "evnt"; did you mean "event"?']],
  ["partitioning on sqlite", 'database { dialect = "sqlite" }\ntable p { a integer\n  @@partitionBy(range, [a]) }', ["3:3: @@partitionBy is not supported by sqlite"]],
  ["a NOT NULL attribute of a composite type", PG + "type point { x integer\n  y integer? }", ["2:16: an attribute of a composite type cannot be NOT NULL: write x with a nullable type (ending in ?)"]],
  ["a default on an attribute of a composite type", PG + "type point { x integer? @default(0) }", ['2:25: @default is not for an attribute of a composite type (it takes a type and @collate only)']],
  ["a table attribute in a composite type", PG + "type point { x integer?\n  @@id([x]) }", ["3:3: @@id is a table's: a composite type has attributes only"]],
  ["an unknown composite type", PG + "type geo.point { x integer? }\ntable t { p geo.pont? }", ['3:13: unknown type "geo.pont"; did you mean "geo.point"?']],
  ["composite types on mysql", 'database { dialect = "mysql" }\ntype point { x integer? }', ["2:1: composite types are not supported by mysql"]],
  ["@withNoData takes no arguments", PG + 'materialized view v = sql("select 1") @withNoData(true)', ["2:51: @withNoData takes no positional arguments: expected @withNoData"]],
  ["missing attribute argument", "table t { a integer @default }", ["1:21: missing value of @default: expected @default(value)"]],
  ["too many attribute arguments", "table t { a integer @default(1, 2) }", ["1:33: too many arguments to @default: expected @default(value)"]],
  ["unknown named argument", "table t { a integer\n  @@index([a], nme: \"ix\") }", ['2:16: unknown argument "nme" of @@index; did you mean "name"?']],
  ["duplicate attribute", "table t { a integer @id @id }", ['1:25: duplicate @id on column "a"']],
  ["unknown enum value in a default", PG + "enum Role { admin member }\ntable t { r Role @default(membr) }", ['3:27: unknown value "membr" of enum "Role"; did you mean "member"?']],
  ["unknown function in a default", "table t { a integer @default(uuid()) }", ['1:30: unknown function "uuid" in @default; expected now(), autoincrement() or sql("...")']],
  ["serial with a default", "table t { a serial @default(1) }", ["1:20: a serial column cannot have @default: it already means @default(autoincrement())"]],
  ["unknown referential action", "table t { a integer @references(org.id, onDelete: cascde) }\ntable org { id integer }", ['1:51: unknown onDelete action "cascde"; did you mean "cascade"?']],
  ["initiallyDeferred without deferrable", PG + "table t { a integer @references(org.id, initiallyDeferred: true) }\ntable org { id integer }", ["2:60: initiallyDeferred: true needs deferrable: true"]],
  ["unknown index column option value", "table t { a integer\n  @@index([a(sort: up)]) }", ['2:20: unknown sort order "up"; expected asc or desc']],
  ["a table option the dialect does not keep", PG + "table t { a integer\n  @@strict }", ["3:3: @@strict is not supported by postgresql"]],
  ["a table option with a value of the wrong kind", SQLITE + "table t { a integer\n  @@strict(1) }", ["3:12: @@strict takes no positional arguments: expected @@strict"]],
  ["a SQLite declared type with parameters outside the quotes", SQLITE + 'table t { a "varchar"(10) }', ['2:13: write the declared type whole inside the quotes, like "varchar(10)"']],
  ["check without sql(...)", "table t { a integer @check(\"a > 0\") }", ["1:28: expected sql(\"...\") but found a string"]],
  // references
  ["reference to a missing table", "table t { id integer @references(orgs.id) }\ntable org { id integer }", ['1:34: unknown table "orgs"; did you mean "org"?']],
  ["reference to a missing column", "table t { id integer @references(org.idd) }\ntable org { id integer }", ['1:38: table "org" has no column "idd"; did you mean "id"?']],
  ["composite foreign key with different column counts", "table t { a integer\n  @@foreignKey([a], references: u([x, y])) }\ntable u { x integer\n y integer }", ["2:35: @@foreignKey has 1 column but references 2 columns"]],
  ["index on a missing column", "table t { a integer\n  @@index([b]) }", ['2:12: table "t" has no column "b"']],
  // duplicates
  ["duplicate table", "table t { id integer }\ntable t { id integer }", ['2:7: duplicate table "t"']],
  ["a view named like a table", 'table t { a integer }\nview t = sql("select 1")', ['2:6: "t" is already declared as a table']],
  ["duplicate column", "table t { id integer\n  id text }", ['2:3: duplicate column "id" in table "t"']],
  ["duplicate index name", 'table t { id integer\n  @@index([id], name: "ix")\n  @@index([id], name: "ix") }', ['3:23: duplicate index name "ix" in table "t"']],
  ["duplicate generated index name", "table t { id integer\n  @@index([id])\n  @@index([id]) }", ['3:3: duplicate index name "t_id_idx" in table "t" (the generated name of this index; give it a name: to tell them apart)']],
  ["duplicate constraint name", 'table t { id integer @unique(name: "c")\n  x integer @check(sql("x > 0"), name: "c") }', ['2:40: duplicate constraint name "c" in table "t"']],
  ["duplicate enum", PG + "enum Role { a b }\nenum Role { c }", ['3:6: duplicate enum "Role"']],
  ["duplicate enum value", PG + "enum Role { a b a }", ['2:17: duplicate value "a" in enum "Role"']],
  ["duplicate database block", 'database { dialect = "sqlite" }\ndatabase { dialect = "sqlite" }', ["2:1: duplicate database block: a schema has one"]],
  ["two @id columns", "table t { a integer @id\n  b integer @id }", ['2:13: table "t" has two primary keys: use @@id([a, b]) for a composite key']],
  ["@id plus @@id", "table t { a integer @id\n  b integer\n  @@id([a, b]) }", ['3:3: table "t" has two primary keys: use @@id([a, b]) for a composite key']],
  ["identity with a default", PG + "table t { a integer @default(1) @identity }", ["2:33: an @identity column cannot also have a default"]],
  ["serial as identity", PG + "table t { a serial @identity }", ["2:20: an @identity column cannot also have a default"]],
  ["generated with a default", "table t { a integer @generated(sql(\"1\")) @default(2) }", ["1:21: an @generated column cannot also have a default"]],
  // settings
  ["unknown dialect with a suggestion", 'database { dialect = "postgres" }', ['1:22: unknown dialect "postgres"; did you mean "postgresql"?']],
  ["unknown dialect without one", 'database { dialect = "oracle" }', ['1:22: unknown dialect "oracle"; expected "sqlite", "postgresql" or "mysql"']],
  ["unknown database setting", 'database { dialet = "sqlite" }', ['1:12: unknown database setting "dialet"; did you mean "dialect"?']],
  ["unknown sequence setting", PG + "sequence s { strt = 1 }", ['2:14: unknown sequence setting "strt"; did you mean "start"?']],
  // what the dialect lacks
  ["schemas on sqlite", "table audit.t { a integer }", ["1:7: schemas are not supported by sqlite"]],
  ["schemas on mysql", MYSQL + "table audit.t { a integer }", ["2:7: schemas are not supported by mysql"]],
  ["enums on sqlite", "enum Role { a b }", ["1:1: enums are not supported by sqlite"]],
  ["partial indexes on mysql", MYSQL + "table t { a integer\n  @@index([a], where: sql(\"a > 0\")) }", ["3:23: partial indexes (where:) are not supported by mysql"]],
  ["expression indexes on mysql", MYSQL + "table t { a integer\n  @@index([sql(\"a + 1\")]) }", ["3:12: expression indexes are not supported by mysql"]],
  ["an index method the dialect does not list", MYSQL + "table t { a integer\n  @@index([a], using: gin) }", ['3:23: index method "gin" is not supported by mysql; expected btree, hash, fulltext or spatial']],
  ["index methods on sqlite", "table t { a integer\n  @@index([a], using: btree) }", ["2:23: index methods (using:) are not supported by sqlite"]],
  ["prefix lengths on postgresql", PG + "table t { a text\n  @@index([a(length: 5)]) }", ["3:22: index prefix lengths (length:) are not supported by postgresql"]],
  ["identity on sqlite", "table t { a integer @identity }", ["1:21: identity columns are not supported by sqlite"]],
  ["arrays on sqlite", "table t { a integer[] }", ["1:13: array types are not supported by sqlite"]],
  ["unsigned on postgresql", PG + "table t { a integer unsigned }", ["2:13: unsigned types are not supported by postgresql"]],
  ["comments on sqlite", 'table t { a integer @comment("x") }', ["1:21: comments are not supported by sqlite"]],
  ["deferrable on mysql", MYSQL + "table t { a integer @references(t.a, deferrable: true) }", ["2:50: deferrable constraints are not supported by mysql"]],
  ["a deferrable unique constraint on mysql", MYSQL + "table t { a integer @unique(deferrable: true) }", ["2:41: deferrable primary keys and unique constraints are not supported by mysql"]],
  ["a deferrable unique constraint on sqlite", "table t { a integer\n  @@unique([a], deferrable: true, initiallyDeferred: true) }", ["2:29: deferrable primary keys and unique constraints are not supported by sqlite"]],
  ["a deferrable primary key on mysql", MYSQL + "table t { a integer\n  @@id([a], deferrable: true) }", ["3:25: deferrable primary keys and unique constraints are not supported by mysql"]],
  ["initiallyDeferred without deferrable on a unique constraint", PG + "table t { a integer @unique(initiallyDeferred: true) }", ["2:48: initiallyDeferred: true needs deferrable: true"]],
  ["sequences on sqlite", "sequence s {}", ["1:1: sequences are not supported by sqlite"]],
  ["materialized views on sqlite", 'materialized view v = sql("select 1")', ["1:1: materialized views are not supported by sqlite"]],
];

for (const [title, source, expected] of CASES) {
  test(`error: ${title}`, () => {
    assert.equal(errors(source), expected);
  });
}

test("an unset env() variable is not an error at compile time", () => {
  const result = compileSchema([{ path: "t.schema", text: 'database { url = env("STRATA_SURELY_UNSET") }' }], { env: {} });
  assert.equal(result.diagnostics, []);
  assert.ok(result.metadata);
});

test("every error of a file comes at once, and of every file", () => {
  const result = compileSchema(
    [
      { path: "a.schema", text: "table a {\n  x integr\n  y txt\n  z integer @nope\n}" },
      { path: "b.schema", text: "table b { x integer @references(a.w) }" },
    ],
    { env: {} },
  );
  assert.equal(result.diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: ${d.message}`), [
    'a.schema:2:5: unknown type "integr"; did you mean "integer"?',
    'a.schema:3:5: unknown type "txt"; did you mean "text"?',
    'a.schema:4:13: unknown attribute "@nope"',
    'b.schema:1:35: table "a" has no column "w"',
  ]);
});

test("the parser recovers and reports several syntax errors in one file", () => {
  assert.equal(errors("table t { a integer }\n}\ntable u { b x y z q }\nview v sql(\"x\")"), [
    '2:1: unexpected "}": expected a declaration (database, enum, table, type, view, materialized view, sequence, extension, domain, function, procedure, aggregate, trigger, policy or schema)',
    '3:21: expected a type but found "}"',
    '4:8: expected \'=\' but found "sql"',
  ]);
});

test("formatDiagnostics prints FILE:LINE:COL: message, the line and a caret", () => {
  const result = compileSchema([{ path: "schemas/app.schema", text: "table t {\n\tid   integr @id\n}" }], { env: {} });
  assert.is(
    formatDiagnostics(result.diagnostics),
    'schemas/app.schema:2:7: unknown type "integr"; did you mean "integer"?\n\tid   integr @id\n\t     ^',
  );
});

test.run();
