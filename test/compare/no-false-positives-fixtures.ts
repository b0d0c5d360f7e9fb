/**
 * The same schema as `.schema` text and as the DDL people write by hand for
 * each dialect (aliases, casts and spellings the database rewrites), for the
 * no-false-positives tests: comparing one with the other finds nothing.
 */
export interface Fixture {
  readonly SCHEMA: string;
  readonly DDL: string;
}

const COMMON_SCHEMA = `
table parent {
  id   integer     @id
  code varchar(10) @unique(name: "uq_parent_code")
}
table child {
  id        integer        @id
  parent_id integer?       @references(parent.id, onDelete: cascade, name: "fk_child_parent")
  label     varchar(50)    @default("none")
  qty       integer        @default(0)
  price     decimal(10, 2) @default(1.5)
  ratio     double?
  flag      boolean        @default(false)
  note      text?
  born      date?
  seen_at   timestamp?
  big       bigint         @default(-7)
  small     smallint?
  blob      bytes?
  @@index([parent_id, label], name: "ix_child_parent_label")
  @@unique([label, qty], name: "uq_child_label_qty")
  @@check(sql("qty >= 0 AND qty < 1000"), name: "ck_child_qty")
}
`;

export const FIXTURES: Record<"sqlite" | "postgresql" | "mysql", Fixture> = {
  sqlite: {
    SCHEMA: COMMON_SCHEMA,
    DDL: `
      CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, CONSTRAINT uq_parent_code UNIQUE (code));
      CREATE TABLE child (
        id INTEGER NOT NULL PRIMARY KEY,
        parent_id INTEGER CONSTRAINT fk_child_parent REFERENCES parent (id) ON DELETE CASCADE,
        label VARCHAR(50) NOT NULL DEFAULT 'none',
        qty INTEGER NOT NULL DEFAULT 0,
        price DECIMAL(10,2) NOT NULL DEFAULT 1.5,
        ratio DOUBLE,
        flag BOOLEAN NOT NULL DEFAULT FALSE,
        note TEXT,
        born DATE,
        seen_at TIMESTAMP,
        big BIGINT NOT NULL DEFAULT -7,
        small SMALLINT,
        blob BLOB,
        CONSTRAINT uq_child_label_qty UNIQUE (label, qty),
        CONSTRAINT ck_child_qty CHECK ((qty >= 0) and (qty < 1000))
      );
      CREATE INDEX ix_child_parent_label ON child (parent_id, label);
    `,
  },
  postgresql: {
    SCHEMA: COMMON_SCHEMA,
    DDL: `
      CREATE TABLE parent (id INT4 PRIMARY KEY, code CHARACTER VARYING(10) NOT NULL CONSTRAINT uq_parent_code UNIQUE);
      CREATE TABLE child (
        id INTEGER PRIMARY KEY,
        parent_id INT CONSTRAINT fk_child_parent REFERENCES parent ON DELETE CASCADE,
        label VARCHAR(50) NOT NULL DEFAULT 'none'::character varying,
        qty INT4 NOT NULL DEFAULT 0,
        price NUMERIC(10,2) NOT NULL DEFAULT 1.5,
        ratio FLOAT8,
        flag BOOL NOT NULL DEFAULT 'f',
        note TEXT,
        born DATE,
        seen_at TIMESTAMP WITHOUT TIME ZONE,
        big INT8 NOT NULL DEFAULT -7,
        small INT2,
        blob BYTEA,
        CONSTRAINT uq_child_label_qty UNIQUE (label, qty),
        CONSTRAINT ck_child_qty CHECK (qty >= 0 AND qty < 1000)
      );
      CREATE INDEX ix_child_parent_label ON child USING btree (parent_id, label);
    `,
  },
  mysql: {
    SCHEMA: COMMON_SCHEMA,
    DDL: `
      CREATE TABLE parent (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, UNIQUE KEY uq_parent_code (code));
      CREATE TABLE child (
        id INT NOT NULL PRIMARY KEY,
        parent_id INT NULL,
        label VARCHAR(50) NOT NULL DEFAULT 'none',
        qty INT NOT NULL DEFAULT 0,
        price DECIMAL(10,2) NOT NULL DEFAULT 1.5,
        ratio DOUBLE NULL,
        flag BOOLEAN NOT NULL DEFAULT FALSE,
        note TEXT NULL,
        born DATE NULL,
        seen_at DATETIME NULL,
        big BIGINT NOT NULL DEFAULT -7,
        small SMALLINT NULL,
        \`blob\` LONGBLOB NULL,
        UNIQUE KEY uq_child_label_qty (label, qty),
        KEY ix_child_parent_label (parent_id, label),
        CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
        CONSTRAINT ck_child_qty CHECK (qty >= 0 AND qty < 1000)
      );
    `,
  },
};
