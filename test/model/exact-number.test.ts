import { test } from "uvu";
import * as assert from "uvu/assert";
import { canonicalNumber, defaults, fitsJsNumber, numberText } from "../../src/model/index.js";

test("canonical text: no exponent, no leading or trailing zeros, no plus, no minus zero", () => {
  const cases: Array<[string, string | undefined]> = [
    ["9007199254740993", "9007199254740993"],
    ["12345678901234567890.123", "12345678901234567890.123"],
    ["1e20", "100000000000000000000"],
    ["1E+20", "100000000000000000000"],
    ["1.5e-3", "0.0015"],
    ["-2.50", "-2.5"],
    ["+007", "7"],
    [".5", "0.5"],
    ["5.", "5"],
    ["-0.000", "0"],
    ["0x10", undefined],
    ["1e", undefined],
    ["abc", undefined],
    ["1e99999", undefined],
  ];
  assert.equal(cases.map(([text]) => [text, canonicalNumber(text)]), cases);
});

test("numbers and bigints become their exact text; only exact ones may be written as JS numbers", () => {
  assert.is(numberText(9007199254740993n), "9007199254740993");
  assert.is(numberText(1e21), "1000000000000000000000");
  assert.is(numberText(0.1), "0.1");
  assert.throws(() => numberText(Number.NaN), /not a finite number/);
  assert.ok(fitsJsNumber("0.1"));
  assert.ok(fitsJsNumber("3000000000"));
  assert.not.ok(fitsJsNumber("9007199254740993"));
  assert.not.ok(fitsJsNumber("12345678901234567890.123"));
  assert.equal(defaults.literal(7), defaults.number("7.0"));
  assert.throws(() => defaults.number("seven"), /not a decimal number/);
});

test.run();
