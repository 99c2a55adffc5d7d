import { describe, expect, test } from "vitest";
import { formatMinutes, formatQuantity } from "./format-quantity.ts";

describe("formatQuantity", () => {
  test("uses the plural form of the language", () => {
    expect(formatQuantity(1, "day", "en")).toBe("1 day");
    expect(formatQuantity(730, "day", "de")).toBe("730 Tage");
    expect(formatQuantity(48, "hour", "de")).toBe("48 Stunden");
    expect(formatQuantity(2.345, "kilometer", "en")).toBe("2.3 kilometres");
  });
});

describe("formatMinutes", () => {
  test("whole hours as hours, the rest as minutes", () => {
    expect(formatMinutes(120, "en")).toBe("2 hours");
    expect(formatMinutes(90, "en")).toBe("90 minutes");
    expect(formatMinutes(30, "de")).toBe("30 Minuten");
  });
});
