/**
 * Numbers as the model keeps them: decimal text in one canonical spelling,
 * never a JavaScript float, so `9007199254740993` and
 * `12345678901234567890.123` stay exact from a `.schema` through the diff,
 * the migration file and the DDL. Canonical: no exponent, no leading zeros,
 * no trailing zeros after the point, no `+`, and `0` for minus zero; so
 * `1e20`, `1.50` and `-0.0` are `100000000000000000000`, `1.5` and `0`.
 */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** The canonical text of a decimal number written as SQL or the language writes it; undefined for anything else. */
export function canonicalNumber(text: string): string | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = "", exponentText] = match;
  if (whole === "" && fraction === "") return undefined;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  // Past this the text would be absurd (and a database would refuse it anyway).
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 10_000) return undefined;
  let digits = whole + fraction;
  let point = whole.length + exponent;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) digits += "0".repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+/, "") || "0";
  const decimals = digits.slice(point).replace(/0+$/, "");
  const magnitude = decimals ? `${integer}.${decimals}` : integer;
  return sign === "-" && magnitude !== "0" ? `-${magnitude}` : magnitude;
}

/** A JavaScript number or bigint as canonical text (a number is taken as the value it holds). */
export function numberText(value: number | bigint): string {
  if (typeof value === "bigint") return value.toString();
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  return canonicalNumber(String(value))!;
}

/** True when a JavaScript number holds this canonical value exactly, so it may be written as a plain number. */
export function fitsJsNumber(text: string): boolean {
  return canonicalNumber(String(Number(text))) === text;
}
