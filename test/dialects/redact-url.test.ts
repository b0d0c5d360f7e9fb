import { test } from "uvu";
import * as assert from "uvu/assert";
import { redactUrl, scrubPassword } from "../../src/dialects/redact-url.js";

test("redactUrl replaces only the password of the authority", () => {
  assert.is(redactUrl("postgres://u:p%40ss@h:5432/db?x=a@b"), "postgres://u:***@h:5432/db?x=a@b");
  assert.is(redactUrl("postgresql://u@h:5432/db?x=a@b"), "postgresql://u@h:5432/db?x=a@b");
  assert.is(redactUrl("postgres://h:5432/db"), "postgres://h:5432/db");
  assert.is(redactUrl("postgres://u:@h/db"), "postgres://u:***@h/db");
  assert.is(redactUrl("mysql://root:s3cr@t@127.0.0.1/test"), "mysql://root:***@127.0.0.1/test");
  assert.is(redactUrl("file:./dev.db"), "file:./dev.db");
});

test("scrubPassword removes the URL's password from a driver message, raw and decoded", () => {
  const url = "postgres://app:p%40ss@db.example:5432/prod";
  assert.is(
    scrubPassword(`connect to ${url} failed; password "p@ss" rejected; raw p%40ss`, url),
    'connect to postgres://app:***@db.example:5432/prod failed; password "***" rejected; raw ***',
  );
  assert.is(scrubPassword("no secrets here", "file:./dev.db"), "no secrets here");
});

test.run();
