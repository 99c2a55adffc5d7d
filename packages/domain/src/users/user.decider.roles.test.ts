import { describe, expect, test } from "vitest";
import type { UserActor } from "./user.actor.ts";
import type { ChangeUserRole } from "./user.commands.ts";
import type { OwnershipTransfer, UserRoleChanged } from "./user.events.ts";
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
import type { UserRole } from "./user.role.ts";

const changeRole = (
  actor: UserActor,
  userId: string,
  role: UserRole,
  transferOwnershipTo?: string,
): ChangeUserRole => ({
  type: "ChangeUserRole",
  userId,
  actor,
  role,
  ...(transferOwnershipTo === undefined ? {} : { transferOwnershipTo }),
});

const roleChanged = (
  userId: string,
  from: UserRole,
  to: UserRole,
  ownershipTransfer: OwnershipTransfer | null = null,
): UserRoleChanged => ({
  type: "UserRoleChanged",
  data: { userId, from, to, ownershipTransfer, at: AT },
});

describe("ChangeUserRole by the owner", () => {
  test("grants the admin role to a member", () => {
    expect(given(history.active(MEMBER_ID)).when(changeRole(asOwner, MEMBER_ID, "admin"))).toEqual([
      roleChanged(MEMBER_ID, "member", "admin"),
    ]);
  });

  test("removes the admin role", () => {
    const events = given(history.active(ADMIN_ID, "admin")).when(
      changeRole(asOwner, ADMIN_ID, "member"),
    );
    expect(events).toEqual([roleChanged(ADMIN_ID, "admin", "member")]);
  });

  test("the role a user already has is accepted without an event", () => {
    expect(given(history.active(MEMBER_ID)).when(changeRole(asOwner, MEMBER_ID, "member"))).toEqual(
      [],
    );
  });

  test("promoting to owner records the transfer from the acting owner", () => {
    expect(
      given(history.active(ADMIN_ID, "admin")).when(changeRole(asOwner, ADMIN_ID, "owner")),
    ).toEqual([roleChanged(ADMIN_ID, "admin", "owner", { from: OWNER_ID, to: ADMIN_ID })]);
  });

  test("the owner steps down only by naming a successor", () => {
    const owner = history.active(OWNER_ID, "owner");
    expect(given(owner).when(changeRole(asOwner, OWNER_ID, "admin"))).toEqual({
      code: "RULE_VIOLATION",
      message: "Name a successor to hand ownership over.",
      details: { rule: "OWNER_REQUIRED" },
    });
    expect(given(owner).when(changeRole(asOwner, OWNER_ID, "member", ADMIN_ID))).toEqual([
      roleChanged(OWNER_ID, "owner", "member", { from: OWNER_ID, to: ADMIN_ID }),
    ]);
  });

  test("the owner asking to stay owner changes nothing", () => {
    expect(
      given(history.active(OWNER_ID, "owner")).when(changeRole(asOwner, OWNER_ID, "owner")),
    ).toEqual([]);
  });

  test.each([
    ["naming themself", changeRole(asOwner, OWNER_ID, "admin", OWNER_ID), "must be another user"],
    ["an empty successor", changeRole(asOwner, OWNER_ID, "admin", " "), "must not be empty"],
    [
      "a successor while staying owner",
      changeRole(asOwner, OWNER_ID, "owner", ADMIN_ID),
      "only when the owner hands ownership over",
    ],
  ])("VALIDATION_FAILED for %s", (_case, command, message) => {
    expect(given(history.active(OWNER_ID, "owner")).when(command)).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { transferOwnershipTo: [message] },
    });
  });

  test("a successor on someone else's role change is VALIDATION_FAILED", () => {
    expect(
      given(history.active(MEMBER_ID)).when(changeRole(asOwner, MEMBER_ID, "admin", ADMIN_ID)),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { transferOwnershipTo: ["only when the owner hands ownership over"] },
    });
  });

  test.each([
    ["pending", history.pending(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
    ["disabled", history.disabled(MEMBER_ID)],
  ] as const)("only active users: a %s user is INVALID_STATE", (status, events) => {
    expect(given(events).when(changeRole(asOwner, MEMBER_ID, "admin"))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: status },
    });
  });
});

describe("ChangeUserRole by anyone else is FORBIDDEN", () => {
  test.each([
    ["an admin grants admin", asAdmin, MEMBER_ID, "member", "admin"],
    ["an admin removes admin", asAdmin, "u-admin-2", "admin", "member"],
    ["an admin demotes the owner", asAdmin, OWNER_ID, "owner", "admin"],
    ["an admin makes themself owner", asAdmin, ADMIN_ID, "admin", "owner"],
    ["a member makes themself admin", asMember, MEMBER_ID, "member", "admin"],
    ["a member changes another member", asOtherMember, MEMBER_ID, "member", "admin"],
    ["the system grants admin", asSystem, MEMBER_ID, "member", "admin"],
    ["the system demotes the owner", asSystem, OWNER_ID, "owner", "member"],
  ] as const)("%s", (_case, actor, userId, role, to) => {
    expect(given(history.active(userId, role)).when(changeRole(actor, userId, to))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("another 'owner' cannot demote the owner, even naming a successor", () => {
    const impostor: UserActor = { userId: "u-impostor", role: "owner" };
    expect(
      given(history.active(OWNER_ID, "owner")).when(
        changeRole(impostor, OWNER_ID, "admin", "u-impostor"),
      ),
    ).toEqual({ code: "FORBIDDEN", message: "Only the owner can hand over ownership." });
  });

  test("a principal claiming owner for their own non-owner account is refused", () => {
    const stale: UserActor = { userId: ADMIN_ID, role: "owner" };
    expect(
      given(history.active(ADMIN_ID, "admin")).when(changeRole(stale, ADMIN_ID, "owner")),
    ).toMatchObject({ code: "FORBIDDEN" });
  });
});
