import { describe, expect, test } from "vitest";
import { minorDigits, toMajorUnitsText, toMinorUnits } from "./money.ts";

describe("toMinorUnits", () => {
  test("reads a decimal point or a decimal comma", () => {
    expect(toMinorUnits("89.50", "EUR")).toBe(8950);
    expect(toMinorUnits("89,5", "EUR")).toBe(8950);
    expect(toMinorUnits(" 89 ", "EUR")).toBe(8900);
    expect(toMinorUnits("0", "EUR")).toBe(0);
  });

  test("reads thousands separators where a decimal mark follows them", () => {
    expect(toMinorUnits("1.234,50", "EUR")).toBe(123450);
    expect(toMinorUnits("1,234.50", "USD")).toBe(123450);
    expect(toMinorUnits("1 234,50", "EUR")).toBe(123450);
  });

  test("knows currencies without and with three minor digits", () => {
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
    expect(toMinorUnits("1500.5", "JPY")).toBeUndefined();
    expect(toMinorUnits("1.250", "KWD")).toBe(1250);
  });

  test("refuses what is no price, keeps the sign of a negative one", () => {
    expect(toMinorUnits("", "EUR")).toBeUndefined();
    expect(toMinorUnits("abc", "EUR")).toBeUndefined();
    expect(toMinorUnits("89.505", "EUR")).toBeUndefined();
    expect(toMinorUnits("1e3", "EUR")).toBeUndefined();
    expect(toMinorUnits("-5", "EUR")).toBe(-500);
  });
});

describe("toMajorUnitsText", () => {
  test("writes the amount as the reader's locale does, without a symbol", () => {
    expect(toMajorUnitsText(8950, "EUR", "en-GB")).toBe("89.50");
    expect(toMajorUnitsText(8950, "EUR", "de-DE")).toBe("89,50");
    expect(toMajorUnitsText(123450, "EUR", "de-DE")).toBe("1234,50");
    expect(toMajorUnitsText(1500, "JPY", "en-GB")).toBe("1500");
  });

  test("round-trips through toMinorUnits", () => {
    for (const amount of [0, 1, 99, 8950, 100_000_000]) {
      expect(toMinorUnits(toMajorUnitsText(amount, "EUR", "de-DE"), "EUR")).toBe(amount);
    }
  });
});

test("minorDigits comes from Intl", () => {
  expect([minorDigits("EUR"), minorDigits("JPY"), minorDigits("KWD")]).toEqual([2, 0, 3]);
});
