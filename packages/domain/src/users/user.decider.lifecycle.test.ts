import { describe, expect, test } from "vitest";
import type { UserActor } from "./user.actor.ts";
import type { UserCommand } from "./user.commands.ts";
import {
  ADMIN_ID,
  AT,
  asAdmin,
  asMember,
  asOtherMember,
  asOwner,
  asSystem,
  given,
  history,
  MEMBER_ID,
  OWNER_ID,
} from "./user.fixtures.ts";
import { TEXT_MAX_LENGTH } from "./user.limits.ts";

const approve = (actor: UserActor, userId = MEMBER_ID): UserCommand => ({
  type: "ApproveUser",
  userId,
  actor,
});
const reject = (
  actor: UserActor,
  reason = "Not in the family",
  userId = MEMBER_ID,
): UserCommand => ({
  type: "RejectUser",
  userId,
  actor,
  reason,
});
const disable = (actor: UserActor, userId = MEMBER_ID): UserCommand => ({
  type: "DisableUser",
  userId,
  actor,
});
const enable = (actor: UserActor, userId = MEMBER_ID): UserCommand => ({
  type: "EnableUser",
  userId,
  actor,
});

describe("ApproveUser", () => {
  test.each([
    ["admin", asAdmin],
    ["owner", asOwner],
    ["system", asSystem],
  ])("the %s approves a pending user, who becomes active", (_who, actor) => {
    expect(given(history.pending(MEMBER_ID)).when(approve(actor))).toEqual([
      { type: "UserApproved", data: { userId: MEMBER_ID, at: AT } },
    ]);
  });

  test("a member may not approve, and learns nothing of the status", () => {
    expect(given(history.pending(MEMBER_ID)).when(approve(asOtherMember))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(given(history.active(MEMBER_ID)).when(approve(asOtherMember))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test.each([
    ["active", history.active(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
    ["disabled", history.disabled(MEMBER_ID)],
  ] as const)("only pending users: a %s user is INVALID_STATE", (status, events) => {
    expect(given(events).when(approve(asAdmin))).toEqual({
      code: "INVALID_STATE",
      message: "Only pending users.",
      details: { current: status },
    });
  });

  test("a user who does not exist cannot be approved", () => {
    expect(given([]).when(approve(asAdmin))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "not_existing" },
    });
  });

  test("a command for another user than the loaded one is refused", () => {
    expect(
      given(history.pending(MEMBER_ID)).when(approve(asAdmin, "u-someone-else")),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { userId: ["does not match the loaded user"] },
    });
  });
});

describe("RejectUser", () => {
  test("an admin rejects a pending user with a reason", () => {
    expect(given(history.pending(MEMBER_ID)).when(reject(asAdmin, "  Unknown person "))).toEqual([
      { type: "UserRejected", data: { userId: MEMBER_ID, reason: "Unknown person", at: AT } },
    ]);
  });

  test.each([
    ["", "is required"],
    ["   ", "is required"],
    ["x".repeat(TEXT_MAX_LENGTH + 1), "must be at most 2000 characters"],
  ])("the reason is required and bounded (%#)", (reason, message) => {
    expect(given(history.pending(MEMBER_ID)).when(reject(asAdmin, reason))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { reason: [message] },
    });
  });

  test("a member may not reject", () => {
    expect(given(history.pending(MEMBER_ID)).when(reject(asOtherMember))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("only pending users: an active user cannot be rejected", () => {
    expect(given(history.active(MEMBER_ID)).when(reject(asOwner))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "active" },
    });
  });
});

describe("DisableUser", () => {
  test.each([
    ["admin disables a member", asAdmin, MEMBER_ID, "member"],
    ["owner disables a member", asOwner, MEMBER_ID, "member"],
    ["owner disables an admin", asOwner, ADMIN_ID, "admin"],
    ["system disables a member", asSystem, MEMBER_ID, "member"],
  ] as const)("the %s", (_case, actor, userId, role) => {
    expect(given(history.active(userId, role)).when(disable(actor, userId))).toEqual([
      { type: "UserDisabled", data: { userId, at: AT } },
    ]);
  });

  test.each([
    ["a member disables another member", asOtherMember, MEMBER_ID, "member"],
    ["an admin disables an admin", { userId: "u-admin-2", role: "admin" }, ADMIN_ID, "admin"],
    ["the system disables an admin", asSystem, ADMIN_ID, "admin"],
    ["an admin disables the owner", asAdmin, OWNER_ID, "owner"],
    ["the system disables the owner", asSystem, OWNER_ID, "owner"],
  ] as const)("FORBIDDEN: %s", (_case, actor, userId, role) => {
    expect(given(history.active(userId, role)).when(disable(actor, userId))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("the owner cannot disable themself: there is always one owner", () => {
    expect(given(history.active(OWNER_ID, "owner")).when(disable(asOwner, OWNER_ID))).toEqual({
      code: "RULE_VIOLATION",
      message: "Transfer ownership before you disable your account.",
      details: { rule: "OWNER_REQUIRED" },
    });
  });

  test.each([
    ["pending", history.pending(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
    ["disabled", history.disabled(MEMBER_ID)],
  ] as const)("only active users: a %s user is INVALID_STATE", (status, events) => {
    expect(given(events).when(disable(asAdmin))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: status },
    });
  });
});

describe("EnableUser", () => {
  test("an admin re-enables a disabled member, who is active again", () => {
    expect(given(history.disabled(MEMBER_ID)).when(enable(asAdmin))).toEqual([
      { type: "UserEnabled", data: { userId: MEMBER_ID, at: AT } },
    ]);
  });

  test("a disabled admin keeps the role but only the owner re-enables them", () => {
    expect(
      given(history.disabled(ADMIN_ID, "admin")).when(enable(asAdmin, ADMIN_ID)),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(given(history.disabled(ADMIN_ID, "admin")).when(enable(asOwner, ADMIN_ID))).toHaveLength(
      1,
    );
  });

  test("a member may not enable", () => {
    expect(given(history.disabled(MEMBER_ID)).when(enable(asOtherMember))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test.each([
    ["active", history.active(MEMBER_ID)],
    ["pending", history.pending(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
  ] as const)("only disabled users: a %s user is INVALID_STATE", (status, events) => {
    expect(given(events).when(enable(asAdmin))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: status },
    });
  });

  test("the member asks again for themself: still FORBIDDEN", () => {
    expect(given(history.disabled(MEMBER_ID)).when(enable(asMember))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
