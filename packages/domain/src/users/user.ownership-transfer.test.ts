import { describe, expect, test } from "vitest";
import type { UserActor } from "./user.actor.ts";
import { ADMIN_ID, asOwner, history, MEMBER_ID, NOW, OWNER_ID, stateOf } from "./user.fixtures.ts";
import { decideOwnershipTransfer } from "./user.ownership-transfer.ts";

const owner = stateOf(history.active(OWNER_ID, "owner"));
const actor = asOwner as Extract<UserActor, { userId: string }>;

describe("decideOwnershipTransfer", () => {
  test("both sides change together and carry the same transfer", () => {
    const successor = stateOf(history.active(MEMBER_ID));
    const decision = decideOwnershipTransfer({ actor, owner, successor, now: NOW });
    const transfer = { from: OWNER_ID, to: MEMBER_ID };
    expect(decision).toEqual({
      ownerEvents: [
        {
          type: "UserRoleChanged",
          data: {
            userId: OWNER_ID,
            from: "owner",
            to: "admin",
            ownershipTransfer: transfer,
            at: NOW.toISOString(),
          },
        },
      ],
      successorEvents: [
        {
          type: "UserRoleChanged",
          data: {
            userId: MEMBER_ID,
            from: "member",
            to: "owner",
            ownershipTransfer: transfer,
            at: NOW.toISOString(),
          },
        },
      ],
    });
  });

  test("the former owner may become a member instead of an admin", () => {
    const successor = stateOf(history.active(ADMIN_ID, "admin"));
    const decision = decideOwnershipTransfer({
      actor,
      owner,
      successor,
      formerOwnerBecomes: "member",
      now: NOW,
    });
    expect(decision).toMatchObject({ ownerEvents: [{ data: { to: "member" } }] });
  });

  test("a successor who is not active refuses the whole transfer", () => {
    const successor = stateOf(history.disabled(MEMBER_ID));
    expect(decideOwnershipTransfer({ actor, owner, successor, now: NOW })).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "disabled" },
    });
  });

  test("a successor who does not exist refuses the whole transfer", () => {
    expect(
      decideOwnershipTransfer({ actor, owner, successor: stateOf([]), now: NOW }),
    ).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "not_existing" },
    });
  });

  test("only the owner transfers: an admin claiming to be the owner is refused", () => {
    const successor = stateOf(history.active(MEMBER_ID));
    const notTheOwner = { userId: ADMIN_ID, role: "owner" as const };
    expect(
      decideOwnershipTransfer({ actor: notTheOwner, owner, successor, now: NOW }),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  test("the owner cannot transfer to themself", () => {
    expect(decideOwnershipTransfer({ actor, owner, successor: owner, now: NOW })).toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});
