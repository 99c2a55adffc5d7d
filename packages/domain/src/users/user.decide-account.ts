import { isActing, isSystemActor } from "./user.actor.ts";
import type { ChangePassword, ChangeUserProfile } from "./user.commands.ts";
import { forbidden, invalidState, type UserFailure, validationFailed } from "./user.errors.ts";
import type { UserPasswordChanged, UserProfileChanged } from "./user.events.ts";
import type { LiveUser } from "./user.state.ts";
import {
  fieldProblems,
  languageProblem,
  nameProblem,
  passwordHashProblem,
  phoneProblem,
} from "./user.validation.ts";

/**
 * A profile is the person's own: admins manage accounts, not what people call themselves.
 * Only active users change it (pending, rejected and disabled users cannot act). Only the
 * fields that really change go into the event; no change, no event.
 */
export function decideProfileChange(
  command: ChangeUserProfile,
  state: LiveUser,
  at: string,
): [UserProfileChanged] | [] | UserFailure {
  if (!isActing(command.actor, state.userId)) return forbidden("Only you change your profile.");
  const { name, phone, preferredLanguage } = command;
  const invalid = validationFailed(
    fieldProblems({
      name: name === undefined ? null : nameProblem(name),
      phone: phoneProblem(phone),
      preferredLanguage: languageProblem(preferredLanguage),
    }),
  );
  if (invalid) return invalid;
  if (state.status !== "active") return invalidState(state.status, "Only active users.");

  const changes: Omit<UserProfileChanged["data"], "userId" | "at"> = {};
  const nextName = name?.trim();
  const nextPhone = phone === null ? null : phone?.trim();
  if (nextName !== undefined && nextName !== state.profile.name) changes.name = nextName;
  if (nextPhone !== undefined && nextPhone !== state.profile.phone) changes.phone = nextPhone;
  if (preferredLanguage !== undefined && preferredLanguage !== state.profile.preferredLanguage) {
    changes.preferredLanguage = preferredLanguage;
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: "UserProfileChanged", data: { userId: state.userId, ...changes, at } }];
}

/**
 * The user sets their own password; the system may too, for the operator's account recovery
 * (a one-time setup link). An admin never learns or sets someone's password.
 */
export function decidePasswordChange(
  command: ChangePassword,
  state: LiveUser,
  at: string,
): [UserPasswordChanged] | UserFailure {
  const { actor } = command;
  if (!isSystemActor(actor) && !isActing(actor, state.userId)) {
    return forbidden("Only you change your password.");
  }
  const invalid = validationFailed(
    fieldProblems({ passwordHash: passwordHashProblem(command.passwordHash) }),
  );
  if (invalid) return invalid;
  if (state.status !== "active") return invalidState(state.status, "Only active users.");
  return [
    {
      type: "UserPasswordChanged",
      data: { userId: state.userId, passwordHash: command.passwordHash, at },
    },
  ];
}
