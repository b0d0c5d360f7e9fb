import { defaults, type DefaultValue } from "../model/index.js";

/** Server defaults that are not plain literals (literals are written as themselves: `default: 0`). */
export const valueBuilders = {
  now: (): DefaultValue => defaults.now(),
  autoincrement: (): DefaultValue => defaults.autoincrement(),
  /** An enum value as a default: `default: s.enumValue("member")`. */
  enumValue: (value: string): DefaultValue => defaults.enumValue(value),
  /** A number exactly, past what a JS number holds: `default: s.number("12345678901234567890.123")`. */
  number: (value: string | bigint): DefaultValue => defaults.number(value),
  /** A default written in SQL: `default: s.sql("gen_random_uuid()")`. */
  sql: (sql: string): DefaultValue => defaults.sql(sql),
};

/** A default as a migration may write it: a DefaultValue, or a literal that stands for itself. */
export type DefaultInput = DefaultValue | string | number | bigint | boolean | null;

export function toDefaultValue(input: DefaultInput): DefaultValue {
  if (input !== null && typeof input === "object") return input;
  return defaults.literal(input);
}
