import { isSystemActor } from "./user.actor.ts";
import type { CreateOwner, RegisterUser } from "./user.commands.ts";
import { forbidden, invalidState, type UserFailure, validationFailed } from "./user.errors.ts";
import type { OwnerCreated, UserRegistered } from "./user.events.ts";
import type { UserState } from "./user.state.ts";
import { newAccountProblems } from "./user.validation.ts";

/**
 * Registration is open to anyone (the api passes the system actor for a visitor, or the admin
 * who registers someone); the new account waits as `pending` for approval. The owner account
 * is only ever created by the system at start, from configuration or the one-time setup link;
 * whether an owner already exists elsewhere is the api's check, it spans aggregates.
 * A taken e-mail (`EMAIL_TAKEN`) is likewise decided by the api's keyed e-mail lookup.
 */
export function decideRegistration(
  command: RegisterUser | CreateOwner,
  state: UserState,
  at: string,
): [UserRegistered] | [OwnerCreated] | UserFailure {
  if (state.status !== "not_existing") {
    return invalidState(state.status, "This user already exists.");
  }
  if (command.type === "CreateOwner" && !isSystemActor(command.actor)) {
    return forbidden("Only the system creates the owner account.");
  }
  const invalid = validationFailed(newAccountProblems(command.userId, command));
  if (invalid) return invalid;
  const data = {
    userId: command.userId,
    email: command.email,
    name: command.name.trim(),
    phone: command.phone?.trim() ?? null,
    passwordHash: command.passwordHash,
    preferredLanguage: command.preferredLanguage ?? null,
    at,
  };
  return command.type === "CreateOwner"
    ? [{ type: "OwnerCreated", data }]
    : [{ type: "UserRegistered", data }];
}
