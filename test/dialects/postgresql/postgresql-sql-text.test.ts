import { test } from "uvu";
import * as assert from "uvu/assert";
import { castLiteral, stripOuterParens, tidySql } from "../../../src/dialects/postgresql/postgresql-sql-text.js";

test("tidySql drops the ::text PostgreSQL puts on string literals, and wrapping parentheses", () => {
  assert.is(tidySql("lower('X'::text)"), "lower('X')");
  assert.is(tidySql("('a'::text || 'b'::text)"), "'a' || 'b'");
  assert.is(tidySql("((x > 0))"), "x > 0");
  assert.is(tidySql("(a) + (b)"), "(a) + (b)");
  assert.is(tidySql("'{a}'::text[]"), "'{a}'::text[]");
  assert.is(tidySql("'x'::texts"), "'x'::texts");
  assert.is(tidySql("'x'::character varying"), "'x'::character varying");
  assert.is(tidySql("name::text = 'it''s ::text'::text"), "name::text = 'it''s ::text'");
  assert.is(tidySql(`"a ( b"::text || ')'::text`), `"a ( b"::text || ')'`);
});

test("stripOuterParens ignores parentheses inside quotes", () => {
  assert.is(stripOuterParens("(')' || x)"), "')' || x");
  assert.is(stripOuterParens(`("(" || x)`), `"(" || x`);
  assert.is(stripOuterParens("(a)(b)"), "(a)(b)");
});

test("castLiteral reads one cast literal and nothing more", () => {
  assert.equal(castLiteral("'it''s'::text"), { value: "it's", cast: "text" });
  assert.equal(castLiteral("'1 day'::interval"), { value: "1 day", cast: "interval" });
  assert.equal(castLiteral(`'x'::"My Schema"."Odd ""Enum"""`), { value: "x", cast: `"My Schema"."Odd ""Enum"""` });
  assert.equal(castLiteral("'{}'::character varying(5)[]"), { value: "{}", cast: "character varying(5)[]" });
  assert.is(castLiteral("'a'::text || 'b'::text"), undefined);
  assert.is(castLiteral("now()"), undefined);
  assert.is(castLiteral("'a'"), undefined);
});

test.run();
