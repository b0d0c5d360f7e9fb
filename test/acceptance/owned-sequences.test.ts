/**
 * A column whose owned sequence is not the one `serial` creates (a bigint
 * sequence on an integer column, as PostgREST's fixture has, another
 * increment, another name) is pulled as its own type with a nextval default
 * and the sequence declared beside it, so the database built from the pull
 * has the same catalog; a plain `serial` still pulls as autoincrement.
 * Removing such a table with its sequence drops both (dropping the table
 * alone would take the owned sequence with it).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, createTestDatabase } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
import { project } from "./project.js";

const test = suite("acceptance: owned sequences that serial would not create");

const ORIGINAL = `
CREATE TABLE counted (id serial PRIMARY KEY, note text);
CREATE TABLE wide (id integer NOT NULL, note text);
CREATE SEQUENCE wide_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE wide_id_seq OWNED BY wide.id;
ALTER TABLE wide ALTER COLUMN id SET DEFAULT nextval('wide_id_seq'::regclass);
CREATE TABLE stepped (id bigserial PRIMARY KEY);
ALTER SEQUENCE stepped_id_seq INCREMENT BY 10;
CREATE TABLE renamed (id bigserial);
ALTER SEQUENCE renamed_id_seq RENAME TO renamed_ids;`;

const PULLED = `database {
  dialect = "postgresql"
}

sequence renamed_ids {
  ownedBy = "renamed.id"
}

sequence stepped_id_seq {
  increment = 10
  ownedBy   = "stepped.id"
}

sequence wide_id_seq {
  ownedBy = "wide.id"
}

table counted {
  id   integer @default(autoincrement())
  note text?

  @@id([id], name: "counted_pkey")
}

table renamed {
  id bigint @default(sql("nextval('renamed_ids'::regclass)"))
}

table stepped {
  id bigint @default(sql("nextval('stepped_id_seq'::regclass)"))

  @@id([id], name: "stepped_pkey")
}

table wide {
  id   integer @default(sql("nextval('wide_id_seq'::regclass)"))
  note text?
}
`;

const SEQUENCE_TYPES = `
SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS type, s.seqincrement::text AS increment
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY c.relname`;

if (availableDialects().includes("postgresql")) {
  test("postgresql: only serial-shaped sequences read as serial; the others rebuild the same catalog", async () => {
    const [original, copy] = [await createTestDatabase("postgresql"), await createTestDatabase("postgresql")];
    const p = project({ "schemas/.keep": "" });
    try {
      await original.run(ORIGINAL);
      await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
      assert.fixture(p.read("schemas/app.schema"), PULLED);
      await p.ok(["check", "--url", original.url]);
      await p.ok(["revision", "--autogenerate", "-m", "from the pull", "--url", copy.url]);
      await p.ok(["upgrade", "head", "--url", copy.url]);
      await p.ok(["check", "--url", copy.url]);
      assert.equal(catalogDifferences(await readCatalog(original), await readCatalog(copy)), []);
      assert.equal(await copy.query(SEQUENCE_TYPES), [
        { name: "counted_id_seq", type: "integer", increment: "1" },
        { name: "renamed_ids", type: "bigint", increment: "1" },
        { name: "stepped_id_seq", type: "bigint", increment: "10" },
        { name: "wide_id_seq", type: "bigint", increment: "1" },
      ]);

      const withoutWide = PULLED.replace(/sequence wide_id_seq \{[^}]*\}\n\n/, "").replace(/\n\ntable wide \{[^}]*\}/, "");
      assert.is.not(withoutWide, PULLED);
      p.write("schemas/app.schema", withoutWide);
      await p.ok(["revision", "--autogenerate", "-m", "no wide", "--url", copy.url]);
      await p.ok(["upgrade", "head", "--url", copy.url]);
      await p.ok(["check", "--url", copy.url]);
      assert.equal((await copy.query<{ name: string }>(SEQUENCE_TYPES)).map((r) => r.name), ["counted_id_seq", "renamed_ids", "stepped_id_seq"]);
    } finally {
      p.done();
      await original.drop();
      await copy.drop();
    }
  });
}

test.run();
