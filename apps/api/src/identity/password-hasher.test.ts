import { describe, expect, test } from "vitest";
import { hashPassword, verifyAgainstNobody, verifyPassword } from "./password-hasher.ts";

describe("password hashing", () => {
  test("hashes with argon2id and a random salt", async () => {
    const one = await hashPassword("correct horse battery");
    const two = await hashPassword("correct horse battery");
    expect(one).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain("correct horse battery");
  });

  test("verifies the right password only", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  test("an unreadable hash is a failed verification, not an exception", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  test("verifying against nobody always fails", async () => {
    expect(await verifyAgainstNobody("not the password of anyone at all")).toBe(false);
  });
});
