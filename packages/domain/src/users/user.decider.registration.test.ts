import { describe, expect, test } from "vitest";
import type { CreateOwner } from "./user.commands.ts";
import {
  AT,
  accepted,
  accountData,
  asAdmin,
  asOwner,
  asSystem,
  given,
  history,
  MEMBER_ID,
  OTHER_ID,
  registerCommand,
  stateOf,
} from "./user.fixtures.ts";
import { USER_NAME_MAX_LENGTH } from "./user.limits.ts";

describe("RegisterUser", () => {
  test("a new user is registered as pending member with the profile given", () => {
    const events = given([]).when(registerCommand(OTHER_ID));
    expect(events).toEqual([{ type: "UserRegistered", data: accountData(OTHER_ID, AT) }]);
    expect(stateOf(accepted(events))).toMatchObject({
      status: "pending",
      role: "member",
      profile: { email: "u-other@example.org", phone: "+49 30 1234567" },
      createdAt: AT,
    });
  });

  test("optional fields default to null and names are trimmed", () => {
    const { phone: _p, preferredLanguage: _l, ...required } = registerCommand(OTHER_ID);
    const events = given([]).when({ ...required, name: "  Ada  " });
    expect(events).toEqual([
      {
        type: "UserRegistered",
        data: { ...accountData(OTHER_ID, AT), name: "Ada", phone: null, preferredLanguage: null },
      },
    ]);
  });

  test("any actor may register someone: registration is open", () => {
    expect(given([]).when(registerCommand(OTHER_ID, { actor: asAdmin }))).toHaveLength(1);
  });

  test.each([
    ["pending", history.pending(MEMBER_ID)],
    ["active", history.active(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
    ["erased", history.erased(MEMBER_ID)],
  ] as const)("an existing %s user cannot be registered again", (status, events) => {
    expect(given(events).when(registerCommand(MEMBER_ID))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: status },
    });
  });

  test.each([
    ["email", { email: " Ada@Example.org" }, "must be normalized (trimmed and lower-cased)"],
    ["email", { email: "no-at-sign" }, "must be an e-mail address"],
    ["name", { name: "   " }, "must not be empty"],
    ["name", { name: "x".repeat(USER_NAME_MAX_LENGTH + 1) }, "must be at most 200 characters"],
    ["phone", { phone: " " }, "must not be empty (use null to clear it)"],
    ["passwordHash", { passwordHash: "" }, "must not be empty"],
    ["preferredLanguage", { preferredLanguage: "fr" as never }, "must be one of de, en"],
    ["userId", { userId: "" }, "must not be empty"],
  ])("an invalid %s is VALIDATION_FAILED", (field, overrides, message) => {
    expect(given([]).when(registerCommand(OTHER_ID, overrides))).toEqual({
      code: "VALIDATION_FAILED",
      message: "The user data is not valid.",
      details: { [field]: [message] },
    });
  });

  test("a name of exactly the maximum length is accepted", () => {
    const name = "x".repeat(USER_NAME_MAX_LENGTH);
    expect(given([]).when(registerCommand(OTHER_ID, { name }))).toHaveLength(1);
  });
});

describe("CreateOwner", () => {
  const createOwner = (overrides?: Partial<CreateOwner>): CreateOwner => ({
    ...registerCommand(OTHER_ID),
    type: "CreateOwner",
    ...overrides,
  });

  test("the system creates the owner: active, role owner", () => {
    const events = given([]).when(createOwner());
    expect(events).toEqual([{ type: "OwnerCreated", data: accountData(OTHER_ID, AT) }]);
    expect(stateOf(accepted(events))).toMatchObject({ status: "active", role: "owner" });
  });

  test("a person, even the owner, cannot create an owner", () => {
    expect(given([]).when(createOwner({ actor: asOwner }))).toMatchObject({ code: "FORBIDDEN" });
  });

  test("an existing user cannot become the owner this way", () => {
    expect(given(history.active(OTHER_ID)).when(createOwner())).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "active" },
    });
  });

  test("its fields are validated like a registration", () => {
    expect(
      given([]).when(createOwner({ email: "Owner@Example.org", actor: asSystem })),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { email: ["must be normalized (trimmed and lower-cased)"] },
    });
  });
});
