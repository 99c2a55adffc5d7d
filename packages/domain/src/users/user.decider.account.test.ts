import { describe, expect, test } from "vitest";
import type { UserActor } from "./user.actor.ts";
import type { ChangePassword, ChangeUserProfile } from "./user.commands.ts";
import {
  AT,
  accepted,
  asAdmin,
  asMember,
  asOwner,
  asSystem,
  given,
  history,
  MEMBER_ID,
  stateOf,
} from "./user.fixtures.ts";

const changeProfile = (
  fields: Omit<ChangeUserProfile, "type" | "userId" | "actor">,
  actor: UserActor = asMember,
): ChangeUserProfile => ({ type: "ChangeUserProfile", userId: MEMBER_ID, actor, ...fields });

const changePassword = (passwordHash: string, actor: UserActor = asMember): ChangePassword => ({
  type: "ChangePassword",
  userId: MEMBER_ID,
  actor,
  passwordHash,
});

describe("ChangeUserProfile", () => {
  const active = history.active(MEMBER_ID);

  test("the user changes their name; only the changed field is recorded", () => {
    const events = given(active).when(changeProfile({ name: " Ada L. ", phone: "+49 30 1234567" }));
    expect(events).toEqual([
      { type: "UserProfileChanged", data: { userId: MEMBER_ID, name: "Ada L.", at: AT } },
    ]);
    expect(stateOf([...active, ...accepted(events)])).toMatchObject({
      profile: { name: "Ada L.", phone: "+49 30 1234567", email: "u-member@example.org" },
    });
  });

  test("null clears the phone; the language can be switched", () => {
    const events = given(active).when(changeProfile({ phone: null, preferredLanguage: "en" }));
    expect(events).toEqual([
      {
        type: "UserProfileChanged",
        data: { userId: MEMBER_ID, phone: null, preferredLanguage: "en", at: AT },
      },
    ]);
    expect(stateOf([...active, ...accepted(events)])).toMatchObject({
      profile: { phone: null, preferredLanguage: "en" },
    });
  });

  test("nothing that changes, no event", () => {
    expect(given(active).when(changeProfile({}))).toEqual([]);
    expect(given(active).when(changeProfile({ name: "Name of u-member" }))).toEqual([]);
  });

  test.each([
    ["an admin", asAdmin],
    ["the owner", asOwner],
    ["the system", asSystem],
  ])("%s cannot change someone's profile", (_who, actor) => {
    expect(given(active).when(changeProfile({ name: "X" }, actor))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test.each([
    [{ name: "" }, "name", "must not be empty"],
    [{ name: "y".repeat(201) }, "name", "must be at most 200 characters"],
    [{ phone: "" }, "phone", "must not be empty (use null to clear it)"],
    [{ phone: "1".repeat(41) }, "phone", "must be at most 40 characters"],
    [{ preferredLanguage: "xx" as never }, "preferredLanguage", "must be one of de, en"],
  ])("invalid fields are VALIDATION_FAILED (%#)", (fields, field, message) => {
    expect(given(active).when(changeProfile(fields))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { [field]: [message] },
    });
  });

  test.each([
    ["pending", history.pending(MEMBER_ID)],
    ["rejected", history.rejected(MEMBER_ID)],
    ["disabled", history.disabled(MEMBER_ID)],
  ] as const)("a %s user cannot act", (status, events) => {
    expect(given(events).when(changeProfile({ name: "New" }))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: status },
    });
  });
});

describe("ChangePassword", () => {
  test("the user sets a new hash", () => {
    const events = given(history.active(MEMBER_ID)).when(changePassword("$argon2id$new"));
    expect(events).toEqual([
      {
        type: "UserPasswordChanged",
        data: { userId: MEMBER_ID, passwordHash: "$argon2id$new", at: AT },
      },
    ]);
    expect(stateOf([...history.active(MEMBER_ID), ...accepted(events)])).toMatchObject({
      passwordHash: "$argon2id$new",
    });
  });

  test("the system may reset it (operator recovery)", () => {
    expect(given(history.active(MEMBER_ID)).when(changePassword("h2", asSystem))).toHaveLength(1);
  });

  test.each([
    ["an admin", asAdmin],
    ["the owner", asOwner],
  ])("%s cannot set someone's password", (_who, actor) => {
    expect(given(history.active(MEMBER_ID)).when(changePassword("h", actor))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("an empty hash is VALIDATION_FAILED", () => {
    expect(given(history.active(MEMBER_ID)).when(changePassword(""))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { passwordHash: ["must not be empty"] },
    });
  });

  test("a disabled user cannot change it", () => {
    expect(given(history.disabled(MEMBER_ID)).when(changePassword("h"))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "disabled" },
    });
  });
});
