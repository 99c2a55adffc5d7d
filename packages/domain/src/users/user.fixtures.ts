import { foldEvents } from "../decider/decider.ts";
import type { UserActor } from "./user.actor.ts";
import type { RegisterUser, UserCommand } from "./user.commands.ts";
import { decideUser, userDecider } from "./user.decider.ts";
import type { UserFailure } from "./user.errors.ts";
import type { NewAccountData, UserEvent } from "./user.events.ts";
import type { UserRole } from "./user.role.ts";
import type { UserState } from "./user.state.ts";

// Shared given/when/then vocabulary for the user decider tests.

export const NOW = new Date("2027-03-01T10:00:00Z");
export const AT = NOW.toISOString();
export const EARLIER = "2027-02-01T09:00:00.000Z";

export const OWNER_ID = "u-owner";
export const ADMIN_ID = "u-admin";
export const MEMBER_ID = "u-member";
export const OTHER_ID = "u-other";

export const asSystem: UserActor = { system: true };
export const asOwner: UserActor = { userId: OWNER_ID, role: "owner" };
export const asAdmin: UserActor = { userId: ADMIN_ID, role: "admin" };
export const asMember: UserActor = { userId: MEMBER_ID, role: "member" };
export const asOtherMember: UserActor = { userId: OTHER_ID, role: "member" };

export function accountData(userId: string, at = EARLIER): NewAccountData {
  return {
    userId,
    email: `${userId}@example.org`,
    name: `Name of ${userId}`,
    phone: "+49 30 1234567",
    passwordHash: `$argon2id$hash-of-${userId}`,
    preferredLanguage: "de",
    at,
  };
}

export function registerCommand(userId: string, overrides?: Partial<RegisterUser>): RegisterUser {
  const { at: _at, ...fields } = accountData(userId);
  return { type: "RegisterUser", actor: asSystem, ...fields, ...overrides };
}

/** Histories of one user's stream, at the status and role a test starts from. */
export const history = {
  pending: (userId: string): UserEvent[] => [{ type: "UserRegistered", data: accountData(userId) }],
  active: (userId: string, role: UserRole = "member"): UserEvent[] => {
    if (role === "owner") return [{ type: "OwnerCreated", data: accountData(userId) }];
    const events: UserEvent[] = [
      ...history.pending(userId),
      { type: "UserApproved", data: { userId, at: EARLIER } },
    ];
    if (role === "admin") {
      events.push({
        type: "UserRoleChanged",
        data: { userId, from: "member", to: "admin", ownershipTransfer: null, at: EARLIER },
      });
    }
    return events;
  },
  rejected: (userId: string): UserEvent[] => [
    ...history.pending(userId),
    { type: "UserRejected", data: { userId, reason: "Not in the family", at: EARLIER } },
  ],
  disabled: (userId: string, role: UserRole = "member"): UserEvent[] => [
    ...history.active(userId, role),
    { type: "UserDisabled", data: { userId, at: EARLIER } },
  ],
  erased: (userId: string): UserEvent[] => [
    ...history.active(userId),
    { type: "UserErased", data: { userId, at: EARLIER } },
  ],
};

export function stateOf(events: readonly UserEvent[]): UserState {
  return foldEvents(userDecider, events);
}

/** Given a history, when a command is decided: the events or the failure. */
export function given(events: readonly UserEvent[]): {
  when: (command: UserCommand) => UserEvent[] | UserFailure;
} {
  return { when: (command) => decideUser(command, stateOf(events), NOW) };
}

/** The events of an accepted decision; a refusal fails the test with the failure shown. */
export function accepted(result: UserEvent[] | UserFailure): UserEvent[] {
  if (!Array.isArray(result)) throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return result;
}
