import type { Decider } from "../decider/decider.ts";
import type { UserCommand } from "./user.commands.ts";
import { decidePasswordChange, decideProfileChange } from "./user.decide-account.ts";
import { decideLifecycle } from "./user.decide-lifecycle.ts";
import { decideRegistration } from "./user.decide-registration.ts";
import { decideRoleChange } from "./user.decide-role.ts";
import { fieldInvalid, invalidState, type UserFailure } from "./user.errors.ts";
import type { UserEvent } from "./user.events.ts";
import { evolveUser, initialUserState, isLiveUser, type UserState } from "./user.state.ts";

/**
 * Decides one command against one user's state. An erased account is terminal: every command
 * is `INVALID_STATE`, before any other check, so nothing is ever recorded after erasure.
 * Accepted commands that change nothing return no events.
 */
export function decideUser(
  command: UserCommand,
  state: UserState,
  now: Date,
): UserEvent[] | UserFailure {
  const at = now.toISOString();
  if (command.type === "RegisterUser" || command.type === "CreateOwner") {
    return decideRegistration(command, state, at);
  }
  if (!isLiveUser(state)) {
    const message =
      state.status === "erased" ? "This user was erased." : "This user does not exist.";
    return invalidState(state.status, message);
  }
  // The api loads the stream named by the command; a mismatch is a wiring mistake, refused
  // here so it can never write one user's decision into another's stream.
  if (command.userId !== state.userId) {
    return fieldInvalid("userId", "does not match the loaded user");
  }
  switch (command.type) {
    case "ApproveUser":
    case "RejectUser":
    case "DisableUser":
    case "EnableUser":
    case "EraseUser":
      return decideLifecycle(command, state, at);
    case "ChangeUserRole":
      return decideRoleChange(command, state, at);
    case "ChangeUserProfile":
      return decideProfileChange(command, state, at);
    case "ChangePassword":
      return decidePasswordChange(command, state, at);
  }
}

export type UserDecider = Decider<UserCommand, UserState, UserEvent, UserFailure>;

export const userDecider: UserDecider = Object.freeze({
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
});
