import { test } from "uvu";
import * as assert from "uvu/assert";
import { sqliteFilePath } from "../../../src/dialects/sqlite/sqlite-file-path.js";

test("the file a file: URL names, as libSQL opens it; none for memory and remote databases", () => {
  assert.is(sqliteFilePath("file:./dev.db"), "./dev.db");
  assert.is(sqliteFilePath("file:dev.db"), "dev.db");
  assert.is(sqliteFilePath("file:///srv/app/dev.db"), "/srv/app/dev.db");
  assert.is(sqliteFilePath("file:/tmp/my%20db.sqlite?x=1"), "/tmp/my db.sqlite");
  assert.is(sqliteFilePath("file::memory:"), undefined);
  assert.is(sqliteFilePath(":memory:"), undefined);
  assert.is(sqliteFilePath("libsql://db.example.com?authToken=x"), undefined);
  assert.is(sqliteFilePath("postgres://localhost/test"), undefined);
});

test.run();
