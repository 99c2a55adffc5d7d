import { describe, expect, test } from "vitest";
import { errorCodes, errorStatusByCode, isErrorCode } from "./error-codes.ts";
import { errorEnvelopeSchema } from "./error-envelope.schema.ts";

describe("error codes", () => {
  test("every code maps to a client or server error status", () => {
    for (const code of errorCodes) {
      expect(errorStatusByCode[code]).toBeGreaterThanOrEqual(400);
      expect(errorStatusByCode[code]).toBeLessThan(600);
    }
  });

  test("the contract's codes have the statuses docs/api.md gives them", () => {
    expect(errorStatusByCode.VALIDATION_FAILED).toBe(400);
    expect(errorStatusByCode.SLOT_UNAVAILABLE).toBe(409);
    expect(errorStatusByCode.RULE_VIOLATION).toBe(422);
    expect(errorStatusByCode.RATE_LIMITED).toBe(429);
    expect(errorStatusByCode.UNAVAILABLE).toBe(503);
  });

  test("isErrorCode rejects unknown and inherited names", () => {
    expect(isErrorCode("NOT_FOUND")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });

  test("the envelope schema refuses an unknown code", () => {
    const body = { error: { code: "TEAPOT", message: "x", requestId: "r" } };
    expect(errorEnvelopeSchema.safeParse(body).success).toBe(false);
  });
});
