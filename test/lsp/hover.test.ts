import { test } from "uvu";
import * as assert from "uvu/assert";
import { HoverRequest } from "vscode-languageserver-protocol/node";
import { withSession, type LspSession } from "../support/lsp-session.js";
import { MODEL, positionOf } from "./fixture.js";

const FILES = {
  "schemas/org.schema": `database {
  dialect = "postgresql"
}

enum Plan {
  free
  team
}

table organization {
  id   integer @id
  plan Plan    @default(free)
}
`,
  "schemas/user.schema": `/// Registered users.
table user {
  id              integer      @id
  // Where the user works.
  organization_id integer?     @references(organization.id, onDelete: cascade)
  created_at      timestamptz  @default(now()) // set by the database
  email           varchar(255)

  @@unique([email], name: "uq_user_email")
  @@index([organization_id, created_at])
}
`,
};

async function hover(s: LspSession, path: string, line: number, character: number) {
  return s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: s.uri(path) }, position: { line, character } });
}

test("hover shows a column as the project's dialect spells it, with its facts and doc comment, across files", () =>
  withSession(FILES, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    assert.equal(await hover(s, "schemas/user.schema", 5, 4), {
      contents: {
        kind: "markdown",
        value: [
          "```strata\nuser.created_at timestamptz\n```",
          "postgresql: `timestamp with time zone`",
          "not null · default `now()`",
          "---",
          "set by the database",
        ].join("\n\n"),
      },
      range: { start: { line: 5, character: 2 }, end: { line: 5, character: 12 } },
    });
    // On the reference: the column it names, in the other file.
    const onTarget = await hover(s, "schemas/user.schema", 4, 57);
    assert.equal(onTarget?.range, { start: { line: 4, character: 56 }, end: { line: 4, character: 58 } });
    assert.equal((onTarget?.contents as { value: string }).value, [
      "```strata\norganization.id integer\n```",
      "postgresql: `integer`",
      "not null · primary key",
    ].join("\n\n"));
    const fk = await hover(s, "schemas/user.schema", 4, 3);
    assert.equal((fk?.contents as { value: string }).value, [
      "```strata\nuser.organization_id integer?\n```",
      "postgresql: `integer`",
      "nullable · references `organization.id` (on delete cascade)",
      "---",
      "Where the user works.",
    ].join("\n\n"));
  }),
);

test("hover on a table lists its columns and keys; on an enum, its values", () =>
  withSession(FILES, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const table = await hover(s, "schemas/user.schema", 1, 7);
    assert.equal((table?.contents as { value: string }).value, [
      "```strata\ntable user\n```",
      [
        "| column | postgresql type | |",
        "| --- | --- | --- |",
        "| id | `integer` | not null |",
        "| organization_id | `integer` | nullable |",
        "| created_at | `timestamp with time zone` | not null |",
        "| email | `varchar(255)` | not null |",
      ].join("\n"),
      [
        "- primary key (id)",
        "- unique uq_user_email (email)",
        "- foreign key (organization_id) → organization(id)",
        "- index user_organization_id_created_at_idx (organization_id, created_at)",
      ].join("\n"),
      "---",
      "Registered users.",
    ].join("\n\n"));
    const enumHover = await hover(s, "schemas/org.schema", 11, 8);
    assert.equal((enumHover?.contents as { value: string }).value, "```strata\nenum Plan\n```\n\n`free`, `team`");
    assert.is(await hover(s, "schemas/user.schema", 7, 0), null);
    // A type tells what it is and how the dialect spells it; an attribute, how it is written.
    const type = await hover(s, "schemas/user.schema", 5, 20);
    assert.equal(type?.range, { start: { line: 5, character: 18 }, end: { line: 5, character: 29 } });
    assert.is(
      (type?.contents as { value: string }).value,
      "```strata\ntype timestamptz\n```\n\nportable type: date and time with time zone\n\npostgresql: `timestamp with time zone`",
    );
    const attribute = await hover(s, "schemas/user.schema", 8, 4);
    assert.equal(attribute?.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 10 } });
    assert.is((attribute?.contents as { value: string }).value, '```strata\n@@unique([a, b], name: "uq_x")\n```');
  }),
);

test("a portable schema shows types as the dialect of the project's URL spells them", () =>
  withSession(
    {
      "package.json": '{ "type": "module" }\n',
      "strata.config.ts": 'export default { url: "mysql://root@127.0.0.1:3306/test" };\n',
      "schemas/app.schema": "table event {\n  id integer @id\n  at timestamptz\n  ref uuid?\n}\n",
    },
    async (s) => {
      assert.equal(await s.diagnosticsOf("schemas/app.schema"), []);
      assert.is(s.log, "");
      const at = (line: number) => hover(s, "schemas/app.schema", line, 3);
      assert.is(((await at(2))?.contents as { value: string }).value, "```strata\nevent.at timestamptz\n```\n\nmysql: `TIMESTAMP`\n\nnot null");
      assert.is(((await at(3))?.contents as { value: string }).value, "```strata\nevent.ref uuid?\n```\n\nmysql: `CHAR(36)`\n\nnullable");
    },
  ),
);

test("hover on a view shows its SQL; in a view's SQL, a table shows the table", () =>
  withSession(MODEL, async (s) => {
    await s.diagnosticsOf("schemas/user.schema");
    const text = MODEL["schemas/user.schema"];
    const at = (needle: string) => s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: s.uri("schemas/user.schema") }, position: positionOf(text, needle, 0, 1) });
    assert.is(
      ((await at("members ="))?.contents as { value: string }).value,
      "```strata\nview members\n```\n\n```sql\nselect user.id from user join membership on membership.user_id = user.id\n```",
    );
    assert.match(((await at("membership on"))?.contents as { value: string }).value, /^```strata\ntable membership\n```/);
  }),
);

test.run();
