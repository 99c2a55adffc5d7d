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
  registerCommand,
} from "./user.fixtures.ts";

const erase = (actor: UserActor, userId = MEMBER_ID): UserCommand => ({
  type: "EraseUser",
  userId,
  actor,
});

describe("EraseUser", () => {
  test.each([
    ["active", history.active(MEMBER_ID)],
    ["pending", history.pending(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
    ["disabled", history.disabled(MEMBER_ID)],
  ])("a %s user may erase themself", (_status, events) => {
    expect(given(events).when(erase(asMember))).toEqual([
      { type: "UserErased", data: { userId: MEMBER_ID, at: AT } },
    ]);
  });

  test("an admin may erase themself", () => {
    expect(given(history.active(ADMIN_ID, "admin")).when(erase(asAdmin, ADMIN_ID))).toHaveLength(1);
  });

  test("the owner must transfer ownership before erasing themself", () => {
    expect(given(history.active(OWNER_ID, "owner")).when(erase(asOwner, OWNER_ID))).toEqual({
      code: "RULE_VIOLATION",
      message: "Transfer ownership before you erase your account.",
      details: { rule: "OWNER_REQUIRED" },
    });
  });

  test.each([
    ["admin erases a member", asAdmin, MEMBER_ID, "member"],
    ["system erases a member", asSystem, MEMBER_ID, "member"],
    ["owner erases an admin", asOwner, ADMIN_ID, "admin"],
  ] as const)("on request, the %s", (_case, actor, userId, role) => {
    expect(given(history.active(userId, role)).when(erase(actor, userId))).toHaveLength(1);
  });

  test("an admin cleans up a rejected registration", () => {
    expect(given(history.rejected(MEMBER_ID)).when(erase(asAdmin))).toHaveLength(1);
  });

  test.each([
    ["a member erases another member", asOtherMember, MEMBER_ID, "member"],
    ["an admin erases an admin", { userId: "u-admin-2", role: "admin" }, ADMIN_ID, "admin"],
    ["an admin erases the owner", asAdmin, OWNER_ID, "owner"],
    ["the system erases the owner", asSystem, OWNER_ID, "owner"],
  ] as const)("FORBIDDEN: %s", (_case, actor, userId, role) => {
    expect(given(history.active(userId, role)).when(erase(actor, userId))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("a user who never existed cannot be erased", () => {
    expect(given([]).when(erase(asMember))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "not_existing" },
    });
  });
});

describe("erased is terminal", () => {
  const commands: UserCommand[] = [
    registerCommand(MEMBER_ID),
    { ...registerCommand(MEMBER_ID), type: "CreateOwner" },
    { type: "ApproveUser", userId: MEMBER_ID, actor: asOwner },
    { type: "RejectUser", userId: MEMBER_ID, actor: asOwner, reason: "late" },
    { type: "ChangeUserRole", userId: MEMBER_ID, actor: asOwner, role: "admin" },
    { type: "DisableUser", userId: MEMBER_ID, actor: asOwner },
    { type: "EnableUser", userId: MEMBER_ID, actor: asOwner },
    { type: "EraseUser", userId: MEMBER_ID, actor: asMember },
    { type: "ChangeUserProfile", userId: MEMBER_ID, actor: asMember, name: "Back" },
    { type: "ChangePassword", userId: MEMBER_ID, actor: asSystem, passwordHash: "h" },
  ];

  test.each(commands.map((command) => [command.type, command] as const))(
    "%s after erasure is INVALID_STATE (erased)",
    (_type, command) => {
      expect(given(history.erased(MEMBER_ID)).when(command)).toMatchObject({
        code: "INVALID_STATE",
        details: { current: "erased" },
      });
    },
  );

  test("even an invalid command from a stranger answers INVALID_STATE, not anything else", () => {
    const command: UserCommand = {
      type: "RejectUser",
      userId: "x",
      actor: asOtherMember,
      reason: "",
    };
    expect(given(history.erased(MEMBER_ID)).when(command)).toMatchObject({
      code: "INVALID_STATE",
    });
  });
});
