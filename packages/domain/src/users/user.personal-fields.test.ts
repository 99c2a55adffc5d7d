import { describe, expect, test } from "vitest";
import type { UserCommand } from "./user.commands.ts";
import { decideUser } from "./user.decider.ts";
import type { UserEvent } from "./user.events.ts";
import {
  accepted,
  asMember,
  asOwner,
  asSystem,
  history,
  MEMBER_ID,
  NOW,
  registerCommand,
  stateOf,
} from "./user.fixtures.ts";
import { USER_PERSONAL_FIELDS } from "./user.personal-fields.ts";

const SECRET = {
  email: "ada.lovelace@example.org",
  name: "Ada Lovelace",
  phone: "+44 20 7946 0000",
  passwordHash: "$argon2id$v=19$ada",
  reason: "Ada is not family",
};

// One event of each kind, produced by the decider with recognisable personal values.
function everyKindOfEvent(): UserEvent[] {
  const reg = { ...registerCommand(MEMBER_ID), ...SECRET };
  const commands: [UserEvent[], UserCommand][] = [
    [[], reg],
    [[], { ...reg, type: "CreateOwner" }],
    [history.pending(MEMBER_ID), { type: "ApproveUser", userId: MEMBER_ID, actor: asOwner }],
    [
      history.pending(MEMBER_ID),
      { type: "RejectUser", userId: MEMBER_ID, actor: asOwner, reason: SECRET.reason },
    ],
    [
      history.active(MEMBER_ID),
      { type: "ChangeUserRole", userId: MEMBER_ID, actor: asOwner, role: "admin" },
    ],
    [history.active(MEMBER_ID), { type: "DisableUser", userId: MEMBER_ID, actor: asOwner }],
    [history.disabled(MEMBER_ID), { type: "EnableUser", userId: MEMBER_ID, actor: asOwner }],
    [history.active(MEMBER_ID), { type: "EraseUser", userId: MEMBER_ID, actor: asMember }],
    [
      history.active(MEMBER_ID),
      {
        type: "ChangeUserProfile",
        userId: MEMBER_ID,
        actor: asMember,
        name: SECRET.name,
        phone: SECRET.phone,
      },
    ],
    [
      history.active(MEMBER_ID),
      {
        type: "ChangePassword",
        userId: MEMBER_ID,
        actor: asSystem,
        passwordHash: SECRET.passwordHash,
      },
    ],
  ];
  return commands.flatMap(([events, command]) =>
    accepted(decideUser(command, stateOf(events), NOW)),
  );
}

describe("USER_PERSONAL_FIELDS", () => {
  const events = everyKindOfEvent();

  test("covers one produced event of every type", () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.keys(USER_PERSONAL_FIELDS)));
  });

  test("without its personal fields, no event reveals the person", () => {
    for (const event of events) {
      const rest: Record<string, unknown> = { ...event.data };
      for (const field of USER_PERSONAL_FIELDS[event.type]) delete rest[field];
      const json = JSON.stringify(rest);
      for (const value of Object.values(SECRET)) expect(json, event.type).not.toContain(value);
    }
  });

  test("every listed field exists in the data it names", () => {
    for (const event of events.filter((e) => e.type !== "UserProfileChanged")) {
      for (const field of USER_PERSONAL_FIELDS[event.type]) {
        expect(event.data, `${event.type}.${field}`).toHaveProperty(field);
      }
    }
  });
});
