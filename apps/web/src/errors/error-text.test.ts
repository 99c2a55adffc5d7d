import type { ErrorCode } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { errorText, fieldErrors } from "./error-text.ts";

const info = (code: ErrorCode, details?: Record<string, unknown>) => ({
  code,
  message: "server words",
  details,
});

describe("errorText", () => {
  test("account states have their own texts", () => {
    expect(errorText(info("ACCOUNT_PENDING"), "")).toEqual({ key: "errors.ACCOUNT_PENDING" });
    expect(errorText(info("ACCOUNT_DISABLED"), "")).toEqual({ key: "errors.ACCOUNT_DISABLED" });
    expect(errorText(info("EMAIL_TAKEN"), "")).toEqual({ key: "errors.EMAIL_TAKEN" });
  });

  test("the rate limit says how long to wait, in whole minutes", () => {
    expect(errorText(info("RATE_LIMITED", { retryAfterSeconds: 61 }), "")).toEqual({
      key: "errors.RATE_LIMITED_WAIT",
      values: { minutes: 2 },
    });
    expect(errorText(info("RATE_LIMITED"), "")).toEqual({ key: "errors.RATE_LIMITED" });
  });

  test("the owner rule gets a specific explanation, other rules the server's words", () => {
    expect(errorText(info("RULE_VIOLATION", { rule: "OWNER_REQUIRED" }), "")).toEqual({
      key: "errors.OWNER_REQUIRED",
    });
    expect(errorText(info("RULE_VIOLATION", { rule: "OTHER" }), "")).toEqual({
      key: "errors.RULE_VIOLATION",
      values: { message: "server words" },
    });
  });

  test("failures without a contract code show what the client knows", () => {
    expect(errorText(undefined, "Failed to fetch")).toEqual({
      key: "errors.unknown",
      values: { message: "Failed to fetch" },
    });
    expect(errorText(info("INTERNAL"), "")).toEqual({
      key: "errors.unknown",
      values: { message: "server words" },
    });
  });
});

test("fieldErrors takes the first message per field of VALIDATION_FAILED only", () => {
  expect(
    fieldErrors(info("VALIDATION_FAILED", { email: ["must be an e-mail address", "x"], n: 3 })),
  ).toEqual({ email: "must be an e-mail address" });
  expect(fieldErrors(info("FORBIDDEN", { email: ["x"] }))).toEqual({});
  expect(fieldErrors(undefined)).toEqual({});
});
