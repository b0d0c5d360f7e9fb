import { test } from "uvu";
import * as assert from "uvu/assert";
import { triggerFromSql } from "../../../src/dialects/sqlite/sqlite-reflect-triggers.js";
import { reflectSql } from "./reflect-sql.js";

const fields = (sql: string) => {
  const t = triggerFromSql("trg", "book", sql);
  return t && { timing: t.timing, events: t.events, columns: t.columns, forEach: t.forEach, when: t.when, body: t.body };
};

test("a trigger's parts are cut out of SQLite's text as written", () => {
  assert.equal(fields('CREATE TRIGGER IF NOT EXISTS main."trg" BEFORE UPDATE OF title, "sort" ON main.book FOR EACH ROW WHEN (NEW.title <> OLD.title) AND NEW.id > 0 BEGIN SELECT 1; END'), {
    timing: "before",
    events: ["update"],
    columns: ["title", "sort"],
    forEach: "row",
    when: "(NEW.title <> OLD.title) AND NEW.id > 0",
    body: "BEGIN SELECT 1; END",
  });
  assert.equal(fields("CREATE TRIGGER trg INSTEAD OF DELETE ON book\nBEGIN\n  DELETE FROM x WHERE id = OLD.id;\nEND"), {
    timing: "insteadOf",
    events: ["delete"],
    columns: undefined,
    forEach: undefined,
    when: undefined,
    body: "BEGIN\n  DELETE FROM x WHERE id = OLD.id;\nEND",
  });
  // No timing is SQLite's BEFORE.
  assert.is(triggerFromSql("trg", "book", "CREATE TRIGGER trg INSERT ON book BEGIN SELECT 1; END")?.timing, "before");
});

test("text that does not read as a trigger gives none", () => {
  assert.is(triggerFromSql("trg", "book", "CREATE TRIGGER trg AFTER INSERT ON book"), undefined);
  assert.is(triggerFromSql("trg", "book", "CREATE TRIGGER trg AFTER FROB ON book BEGIN SELECT 1; END"), undefined);
});

test("reflection reads triggers of tables and views, and their bodies exactly", async () => {
  const { metadata } = await reflectSql(`CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);
CREATE VIEW titles AS SELECT title FROM book;
CREATE TRIGGER book_ai AFTER INSERT ON book BEGIN
    UPDATE book SET title = upper(NEW.title) WHERE id = NEW.id;
END;
CREATE TRIGGER titles_ins INSTEAD OF INSERT ON titles BEGIN INSERT INTO book(title) VALUES (NEW.title); END;`);
  assert.equal([...metadata.triggers.keys()], ["book/book_ai", "titles/titles_ins"]);
  assert.is(metadata.triggers.get("book/book_ai")!.body, "BEGIN\n    UPDATE book SET title = upper(NEW.title) WHERE id = NEW.id;\nEND");
});

test.run();
