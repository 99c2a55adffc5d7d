import { describe, expect, test } from "vitest";
import { hasProblems, validateLogin, validateRegistration } from "./validate.ts";

const valid = { name: "Ana", email: "ana@example.org", phone: "", password: "correct horse" };

describe("validateRegistration", () => {
  test("accepts a complete registration, phone optional", () => {
    expect(hasProblems(validateRegistration(valid))).toBe(false);
    expect(hasProblems(validateRegistration({ ...valid, phone: "+49 (30) 123-45" }))).toBe(false);
  });

  test("names each problem by field", () => {
    expect(
      validateRegistration({ name: " ", email: "ana", phone: "call me", password: "short" }),
    ).toEqual({
      name: "validation.required",
      email: "validation.email",
      phone: "validation.phone",
      password: "validation.passwordLength",
    });
  });

  test("the password needs ten characters, as the server's schema", () => {
    expect(validateRegistration({ ...valid, password: "123456789" }).password).toBeDefined();
    expect(validateRegistration({ ...valid, password: "1234567890" }).password).toBeUndefined();
  });
});

test("validateLogin requires both fields", () => {
  expect(validateLogin({ email: "", password: "" })).toEqual({
    email: "validation.required",
    password: "validation.required",
  });
  expect(validateLogin({ email: "ana@example.org", password: "x" })).toEqual({});
});
