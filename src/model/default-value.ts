import { canonicalNumber, numberText } from "./exact-number.js";

/**
 * A column's server default as a value. Reflection and the parser both build
 * these, normalized so that `'a'::text` and `'a'`, or `nextval('t_id_seq')`
 * and `autoincrement()`, come out as the same value. Numbers are exact
 * decimal text (exact-number.ts), never JavaScript floats.
 */
export type DefaultValue =
  | { readonly kind: "literal"; readonly value: string | boolean | null }
  | { readonly kind: "number"; readonly value: string }
  | { readonly kind: "now" }
  | { readonly kind: "autoincrement" }
  | { readonly kind: "enum"; readonly value: string }
  | { readonly kind: "sql"; readonly sql: string };

export const defaults = {
  /** A literal; a number (or bigint) becomes the exact `number` default it holds. */
  literal: (value: string | number | bigint | boolean | null): DefaultValue =>
    typeof value === "number" || typeof value === "bigint" ? defaults.number(value) : Object.freeze({ kind: "literal", value }),
  /** A number, exactly: decimal text (`"12345678901234567890.123"`, `"1e20"`), a bigint, or a number as the value it holds. */
  number: (value: string | number | bigint): DefaultValue => {
    const text = typeof value === "string" ? canonicalNumber(value) : numberText(value);
    if (text === undefined) throw new RangeError(`"${value}" is not a decimal number`);
    return Object.freeze({ kind: "number", value: text });
  },
  now: (): DefaultValue => Object.freeze({ kind: "now" }),
  autoincrement: (): DefaultValue => Object.freeze({ kind: "autoincrement" }),
  enumValue: (value: string): DefaultValue => Object.freeze({ kind: "enum", value }),
  sql: (sql: string): DefaultValue => Object.freeze({ kind: "sql", sql }),
};

export function defaultsEqual(a: DefaultValue | undefined, b: DefaultValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "literal":
    case "number":
    case "enum":
      return a.value === (b as typeof a).value;
    case "sql":
      return a.sql === (b as typeof a).sql;
    case "now":
    case "autoincrement":
      return true;
  }
}

/** The default as the language writes it inside `@default(...)`. */
export function formatDefault(value: DefaultValue): string {
  switch (value.kind) {
    case "literal":
      if (typeof value.value === "string") return JSON.stringify(value.value);
      return String(value.value);
    case "number":
      return value.value;
    case "now":
      return "now()";
    case "autoincrement":
      return "autoincrement()";
    case "enum":
      return value.value;
    case "sql":
      return `sql(${JSON.stringify(value.sql)})`;
  }
}
