import { describe, expect, test } from "vitest";
import { isNormalizedEmail, normalizeEmail } from "./user.email.ts";

describe("normalizeEmail", () => {
  test.each([
    ["  Ada@Example.ORG\t", "ada@example.org"],
    ["ada@example.org", "ada@example.org"],
    ["\nBOB@EXAMPLE.DE ", "bob@example.de"],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizeEmail(raw)).toBe(normalized);
    expect(isNormalizedEmail(normalizeEmail(raw))).toBe(true);
  });

  test("an address with capitals or spaces is not normalized", () => {
    expect(isNormalizedEmail("Ada@example.org")).toBe(false);
    expect(isNormalizedEmail(" ada@example.org")).toBe(false);
  });
});
