import { describe, expect, test } from "vitest";
import type { UserEvent } from "./user.events.ts";
import { accountData, EARLIER, history, MEMBER_ID, OWNER_ID, stateOf } from "./user.fixtures.ts";
import { evolveUser, initialUserState } from "./user.state.ts";

describe("evolveUser", () => {
  test("a registration builds the profile; the state is plain JSON for snapshots", () => {
    const state = stateOf(history.active(MEMBER_ID));
    expect(state).toEqual({
      status: "active",
      userId: MEMBER_ID,
      role: "member",
      profile: {
        email: "u-member@example.org",
        name: "Name of u-member",
        phone: "+49 30 1234567",
        preferredLanguage: "de",
      },
      passwordHash: "$argon2id$hash-of-u-member",
      createdAt: EARLIER,
      rejectionReason: null,
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  test("a rejection keeps its reason", () => {
    expect(stateOf(history.rejected(MEMBER_ID))).toMatchObject({
      status: "rejected",
      rejectionReason: "Not in the family",
    });
  });

  test("re-enabling brings a disabled admin back with the role", () => {
    const events: UserEvent[] = [
      ...history.disabled("u-a", "admin"),
      { type: "UserEnabled", data: { userId: "u-a", at: EARLIER } },
    ];
    expect(stateOf(events)).toMatchObject({ status: "active", role: "admin" });
  });

  test("erasure keeps nothing personal", () => {
    const state = stateOf(history.erased(MEMBER_ID));
    expect(state).toEqual({
      status: "erased",
      userId: MEMBER_ID,
      role: "member",
      createdAt: EARLIER,
      erasedAt: EARLIER,
    });
    const json = JSON.stringify(state);
    for (const value of Object.values(accountData(MEMBER_ID))) {
      if (value !== MEMBER_ID && value !== EARLIER && value !== "de" && value !== null) {
        expect(json).not.toContain(value);
      }
    }
  });

  test("a stream read back after crypto-shredding still loads as erased", () => {
    const shredded: UserEvent[] = [
      {
        type: "UserRegistered",
        data: { ...accountData(MEMBER_ID), email: "[erased]", name: "[erased]", phone: "[erased]" },
      },
      { type: "UserApproved", data: { userId: MEMBER_ID, at: EARLIER } },
      { type: "UserErased", data: { userId: MEMBER_ID, at: EARLIER } },
    ];
    expect(stateOf(shredded)).toEqual(stateOf(history.erased(MEMBER_ID)));
  });

  test("events the state cannot take leave it unchanged", () => {
    const approvedOfNobody = evolveUser(initialUserState, {
      type: "UserApproved",
      data: { userId: MEMBER_ID, at: EARLIER },
    });
    expect(approvedOfNobody).toEqual({ status: "not_existing" });
    const owner = stateOf(history.active(OWNER_ID, "owner"));
    expect(evolveUser(owner, { type: "UserRegistered", data: accountData("u-x") })).toBe(owner);
    const erased = stateOf(history.erased(MEMBER_ID));
    expect(
      evolveUser(erased, { type: "UserEnabled", data: { userId: MEMBER_ID, at: EARLIER } }),
    ).toBe(erased);
  });
});
