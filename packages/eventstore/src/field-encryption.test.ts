import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  decryptFields,
  ERASED,
  encryptFields,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
} from "./field-encryption.ts";

test("property: encrypt then decrypt returns the original data", () => {
  const key = generateDataKey();
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (secret, other) => {
      const data = { secret, nested: { secret }, other };
      const fields = ["secret", "nested.secret"];
      const sealed = encryptFields(data, fields, key, "s");
      expect(JSON.stringify(sealed)).not.toContain(JSON.stringify({ secret }).slice(1, -1));
      // Encrypted values come back JSON round-tripped (-0 becomes 0); the rest is untouched.
      const roundTripped = JSON.parse(JSON.stringify(secret));
      expect(decryptFields(sealed, fields, key, "s")).toEqual({
        secret: roundTripped,
        nested: { secret: roundTripped },
        other,
      });
    }),
    { numRuns: 100 },
  );
});

test("without the key, fields read back as ERASED; the input is never mutated", () => {
  const data = { email: "x@example.org", keep: 1 };
  const sealed = encryptFields(data, ["email", "absent"], generateDataKey(), "s");
  expect(data.email).toBe("x@example.org");
  expect(decryptFields(sealed, ["email", "absent"], undefined, "s")).toEqual({
    email: ERASED,
    keep: 1,
  });
});

test("a ciphertext does not open under another subject or key", () => {
  const key = generateDataKey();
  const sealed = encryptFields({ a: 1 }, ["a"], key, "s1");
  expect(() => decryptFields(sealed, ["a"], key, "s2")).toThrow();
  expect(() => decryptFields(sealed, ["a"], generateDataKey(), "s1")).toThrow();
});

test("data keys are wrapped by the master key", () => {
  const master = randomBytes(32);
  const key = generateDataKey();
  const wrapped = wrapDataKey(master, key, "s");
  expect(wrapped.includes(key)).toBe(false);
  expect(unwrapDataKey(master, wrapped, "s")).toEqual(key);
  expect(() => unwrapDataKey(randomBytes(32), wrapped, "s")).toThrow();
});
