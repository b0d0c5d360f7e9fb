import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, TextEdit } from "vscode-languageserver-protocol/node";

/** A two-file PostgreSQL model: references across files, an enum, index lists, a composite key and a view. */
export const MODEL = {
  "schemas/org.schema": `database {
  dialect = "postgresql"
}

enum Plan { free team }

table organization {
  id   integer @id
  plan Plan    @default(free)
}
`,
  "schemas/user.schema": `table user {
  id              integer      @id
  organization_id integer?     @references(organization.id, onDelete: cascade)
  email           varchar(255)

  @@unique([email], name: "uq_user_email")
  @@index([organization_id, email])
}

table membership {
  org_id  integer
  user_id integer

  @@id([org_id, user_id])
  @@foreignKey([org_id], references: organization([id]))
}

view members = sql("select user.id from user join membership on membership.user_id = user.id")
`,
};

/** The position of the `nth` occurrence of `needle` in `text`, moved `delta` characters on. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" #${nth} is not in the text`);
  }
  return TextDocument.create("file:///x", "x", 0, text).positionAt(offset + delta);
}

/** The range of that occurrence of `needle`. */
export function rangeOf(text: string, needle: string, nth = 0) {
  const start = positionOf(text, needle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "x", 0, text), [...edits]);
}
