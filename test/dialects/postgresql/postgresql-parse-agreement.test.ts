import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../../src/compare/index.js";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { withTestDatabase } from "../../support/databases.js";
import { assertModelsEqual } from "../../support/model-equality.js";
import { postgresqlAvailable, reflectDdl } from "./reflect-support.js";

const test = suite("postgresql: parser and reflection agree");

/**
 * Property 4 (no false positives) between the parser and reflection: the
 * same schema written as `.schema` and as PostgreSQL DDL (in the spellings
 * people write by hand) must build equal model values. Names PostgreSQL
 * would invent are written out in the schema.
 */
const SCHEMA = `
database { dialect = "postgresql" }
enum role { admin member "in progress" }
enum audit.level { low high }
sequence audit.order_seq { start = 100  increment = 5  maxValue = 1000  cycle = true }
sequence plain_seq {}
table organization {
  id         integer      @identity(always)
  name       varchar(50)  @unique(name: "uq_org_name") @collate("C")
  slug       text         @generated(sql("lower(name::text)"), stored: true)
  created_at timestamptz  @default(now())
  tags       text[]       @default("{}")
  matrix     integer[][]?
  @@id([id], name: "organization_pkey")
  @@comment("customers")
}
table member {
  id              bigserial
  email           varchar(255)
  organization_id integer?       @references(organization.id, onDelete: cascade, onUpdate: restrict, name: "org_fk", deferrable: true, initiallyDeferred: true)
  role            role           @default(member)
  status          role           @default("in progress")
  balance         decimal(10, 2) @default(-1.5)
  score           double         @default(0.25)
  active          boolean        @default(true)
  nickname        text?          @default("it's") @comment("free \\"text\\"")
  profile         jsonb          @default("{}")
  addr            inet?
  born            date?
  wake            time(3)?
  deleted_at      timestamp(6)?
  uid             uuid           @default(sql("gen_random_uuid()"))
  data            bytes?
  "Display Name"  text?
  counter         smallint       @default(0)
  @@id([id], name: "member_pkey")
  @@index([organization_id, born(sort: desc, nulls: last)], name: "ix_member_org")
  @@index([email], where: sql("deleted_at IS NULL"), name: "ix_live_email", unique: true)
  @@index([sql("lower(email::text)")], name: "ix_email_lower")
  @@index([profile(ops: "jsonb_path_ops")], using: gin, name: "ix_profile")
  @@unique([organization_id, email], name: "uq_org_email")
  @@check(sql("score <= 1::double precision"), name: "ck_score")
  @@check(sql("balance >= '-100'::integer::numeric"), name: "ck_balance")
  @@comment("registered users")
}
table audit.event {
  org_id    integer
  member_id bigint?
  seq       integer       @default(sql("nextval('audit.order_seq'::regclass)"))
  level     audit.level   @default(low)
  levels    audit.level[]?
  @@id([org_id, seq], name: "pk_event")
  @@foreignKey([member_id], references: member([id]), onDelete: setNull, name: "fk_event_member")
}
view active_members = sql("SELECT member.id,\\n    member.email\\n   FROM member\\n  WHERE member.deleted_at IS NULL") @comment("live members")
materialized view audit.daily = sql("SELECT event.org_id,\\n    count(*) AS n\\n   FROM audit.event\\n  GROUP BY event.org_id")
`;

const DDL = `
CREATE TYPE role AS ENUM ('admin', 'member', 'in progress');
CREATE SCHEMA audit;
CREATE TYPE audit.level AS ENUM ('low', 'high');
CREATE SEQUENCE audit.order_seq START 100 INCREMENT BY 5 MAXVALUE 1000 CYCLE;
CREATE SEQUENCE plain_seq;
CREATE TABLE organization (
  id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name CHARACTER VARYING(50) COLLATE "C" NOT NULL CONSTRAINT uq_org_name UNIQUE,
  slug TEXT NOT NULL GENERATED ALWAYS AS (lower(name)) STORED,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  tags TEXT[] NOT NULL DEFAULT '{}',
  matrix INT4[][]
);
COMMENT ON TABLE organization IS 'customers';
CREATE TABLE member (
  id BIGSERIAL PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  organization_id INTEGER CONSTRAINT org_fk REFERENCES organization ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  role role NOT NULL DEFAULT 'member',
  status role NOT NULL DEFAULT 'in progress'::role,
  balance NUMERIC(10,2) NOT NULL DEFAULT -1.5,
  score FLOAT8 NOT NULL DEFAULT 0.25,
  active BOOL NOT NULL DEFAULT TRUE,
  nickname TEXT DEFAULT 'it''s',
  profile JSONB NOT NULL DEFAULT '{}'::jsonb,
  addr INET,
  born DATE,
  wake TIME(3) WITHOUT TIME ZONE,
  deleted_at TIMESTAMP(6),
  uid UUID NOT NULL DEFAULT gen_random_uuid(),
  data BYTEA,
  "Display Name" TEXT,
  counter INT2 NOT NULL DEFAULT '0',
  CONSTRAINT uq_org_email UNIQUE (organization_id, email),
  CONSTRAINT ck_score CHECK (score <= 1),
  CONSTRAINT ck_balance CHECK (balance >= -100)
);
COMMENT ON TABLE member IS 'registered users';
COMMENT ON COLUMN member.nickname IS 'free "text"';
CREATE INDEX ix_member_org ON member (organization_id, born DESC NULLS LAST);
CREATE UNIQUE INDEX ix_live_email ON member (email) WHERE deleted_at IS NULL;
CREATE INDEX ix_email_lower ON member (lower(email));
CREATE INDEX ix_profile ON member USING gin (profile jsonb_path_ops);
CREATE TABLE audit.event (
  org_id INTEGER NOT NULL,
  member_id BIGINT CONSTRAINT fk_event_member REFERENCES member (id) ON DELETE SET NULL,
  seq INTEGER NOT NULL DEFAULT nextval('audit.order_seq'),
  level audit.level NOT NULL DEFAULT 'low',
  levels audit.level[],
  CONSTRAINT pk_event PRIMARY KEY (org_id, seq)
);
CREATE VIEW active_members AS SELECT id, email FROM member WHERE deleted_at IS NULL;
COMMENT ON VIEW active_members IS 'live members';
CREATE MATERIALIZED VIEW audit.daily AS SELECT org_id, count(*) AS n FROM audit.event GROUP BY org_id;
`;

test("the schema compiles", () => {
  const compiled = compileSchema([{ path: "agreement.schema", text: SCHEMA }], { env: {} });
  assert.ok(compiled.metadata, formatDiagnostics(compiled.diagnostics));
});

if (postgresqlAvailable("postgresql: parser and reflection agree")) {
  test("the .schema and the equivalent DDL build equal models", async () => {
    const compiled = compileSchema([{ path: "agreement.schema", text: SCHEMA }], { env: {} });
    const { metadata } = await reflectDdl(DDL, { includeSchemas: ["audit"] });
    assertModelsEqual(compiled.metadata!, metadata);
  });

  test("compareMetadata finds no difference between that database and the .schema", () =>
    withTestDatabase("postgresql", async (db) => {
      await db.run(DDL);
      const connection = await postgresqlDialect.connect(db.url);
      try {
        const compiled = compileSchema([{ path: "agreement.schema", text: SCHEMA }], { env: {} });
        const context = MigrationContext.configure({ connection, opts: { includeSchemas: ["audit"] } });
        assert.equal(await compareMetadata(context, compiled.metadata!), []);
        // And it is a comparison that can see a difference: one changed default shows.
        const changed = SCHEMA.replace('counter         smallint       @default(0)', 'counter         smallint       @default(1)');
        const diff = await compareMetadata(context, compileSchema([{ path: "changed.schema", text: changed }], { env: {} }).metadata!);
        assert.equal(JSON.parse(JSON.stringify(diff)), [
          [
            [
              "modify_default",
              null,
              "member",
              "counter",
              { existingType: { kind: "scalar", name: "smallint", args: [] }, existingNullable: false },
              { kind: "number", value: "0" },
              { kind: "number", value: "1" },
            ],
          ],
        ]);
      } finally {
        await connection.close();
      }
    }),
  );
}

test.run();
