import { describe, expect, test } from "vitest";
import { signToken, verifyToken } from "./signed-token.ts";

const key = Buffer.alloc(32, 7);
const now = new Date("2027-03-01T12:00:00Z");
const claims = { id: "s-1", subject: "user-1", expiresAt: now.getTime() / 1000 + 3600 };

describe("signed tokens", () => {
  test("a token verifies with its key and kind and gives back its claims", () => {
    const token = signToken(key, "session", claims);
    expect(verifyToken(key, "session", token, now)).toEqual({ valid: true, claims });
  });

  test("expired at its expiry instant", () => {
    const token = signToken(key, "session", claims);
    const atExpiry = new Date(claims.expiresAt * 1000);
    expect(verifyToken(key, "session", token, atExpiry)).toEqual({
      valid: false,
      reason: "expired",
    });
  });

  test("a token verified before is still refused once expired, and for another kind", () => {
    const token = signToken(key, "session", claims);
    expect(verifyToken(key, "session", token, now).valid).toBe(true);
    expect(verifyToken(key, "session", token, new Date(claims.expiresAt * 1000))).toEqual({
      valid: false,
      reason: "expired",
    });
    expect(verifyToken(key, "manage", token, now).valid).toBe(false);
    expect(verifyToken(Buffer.alloc(32, 9), "session", token, now).valid).toBe(false);
  });

  test("a changed payload, signature or key is rejected", () => {
    const token = signToken(key, "session", claims);
    const [kind, payload, signature] = token.split(".") as [string, string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, subject: "admin" })).toString(
      "base64url",
    );
    expect(verifyToken(key, "session", `${kind}.${forgedPayload}.${signature}`, now).valid).toBe(
      false,
    );
    expect(
      verifyToken(key, "session", `${kind}.${payload}.${signature.slice(0, -2)}AA`, now).valid,
    ).toBe(false);
    expect(verifyToken(Buffer.alloc(32, 8), "session", token, now)).toEqual({
      valid: false,
      reason: "bad_signature",
    });
  });

  test("a token of one kind never passes as another", () => {
    const manage = signToken(key, "manage", claims);
    expect(verifyToken(key, "session", manage, now)).toEqual({ valid: false, reason: "malformed" });
    const relabelled = manage.replace(/^manage\./, "session.");
    expect(verifyToken(key, "session", relabelled, now)).toEqual({
      valid: false,
      reason: "bad_signature",
    });
  });

  test.each(["", "session", "session..", "a.b.c.d", "session.!!!.???"])(
    "garbage %j is rejected",
    (token) => {
      expect(verifyToken(key, "session", token, now).valid).toBe(false);
    },
  );
});
