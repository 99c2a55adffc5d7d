import { describe, expect, test } from "vitest";
import { isNormalizedEmail, normalizeEmail } from "./user.email.ts";
import { PASSWORD_POLICY, passwordPolicyViolation } from "./user.limits.ts";

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

describe("password policy", () => {
  test("10 to 200 characters, per the public contract", () => {
    expect(PASSWORD_POLICY).toEqual({ minLength: 10, maxLength: 200 });
    expect(passwordPolicyViolation("x".repeat(9))).toBe("must be at least 10 characters");
    expect(passwordPolicyViolation("x".repeat(10))).toBeNull();
    expect(passwordPolicyViolation("x".repeat(200))).toBeNull();
    expect(passwordPolicyViolation("x".repeat(201))).toBe("must be at most 200 characters");
  });
});
