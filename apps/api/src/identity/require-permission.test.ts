import { describe, expect, test } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { permissions, roleHasPermission } from "./permissions.ts";
import type { Principal } from "./principal.ts";
import { requirePermission } from "./require-permission.ts";

const user = (role: "owner" | "admin" | "member", status = "active" as const): Principal => ({
  kind: "user",
  userId: "u",
  role,
  status,
  credential: { type: "session", sessionId: "s" },
});

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
}

describe("requirePermission", () => {
  test("anonymous callers must authenticate; guests are confined to their booking", () => {
    expect(codeOf(() => requirePermission({ kind: "anonymous" }, "account:use"))).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      codeOf(() =>
        requirePermission({ kind: "guest", bookingId: "b", tokenId: "t" }, "account:use"),
      ),
    ).toBe("FORBIDDEN");
  });

  test.each([
    ["pending", "ACCOUNT_PENDING"],
    ["rejected", "ACCOUNT_DISABLED"],
    ["disabled", "ACCOUNT_DISABLED"],
    ["erased", "ACCOUNT_DISABLED"],
  ] as const)("a %s user cannot act, whatever the role", (status, code) => {
    const principal = { ...user("owner"), status } as Principal;
    expect(codeOf(() => requirePermission(principal, "account:use"))).toBe(code);
  });

  test("roles grow: member ⊂ admin ⊂ owner, and only the owner changes roles", () => {
    for (const permission of permissions) {
      if (roleHasPermission("member", permission))
        expect(roleHasPermission("admin", permission)).toBe(true);
      if (roleHasPermission("admin", permission))
        expect(roleHasPermission("owner", permission)).toBe(true);
    }
    expect(codeOf(() => requirePermission(user("member"), "users:read"))).toBe("FORBIDDEN");
    expect(codeOf(() => requirePermission(user("admin"), "users:change-role"))).toBe("FORBIDDEN");
    expect(requirePermission(user("owner"), "users:change-role")).toMatchObject({ role: "owner" });
  });
});
