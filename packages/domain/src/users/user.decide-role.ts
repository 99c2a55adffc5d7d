import { isActing, isSystemActor } from "./user.actor.ts";
import type { ChangeUserRole } from "./user.commands.ts";
import {
  forbidden,
  invalidState,
  ruleViolation,
  type UserFailure,
  validationFailed,
} from "./user.errors.ts";
import type { OwnershipTransfer, UserRoleChanged } from "./user.events.ts";
import { mayChangeRoles } from "./user.permissions.ts";
import type { LiveUser } from "./user.state.ts";
import { fieldProblems, userIdProblem } from "./user.validation.ts";

/**
 * Role changes are the owner's alone, and only for active users. Asking for the role a user
 * already has is accepted with no event, so a retried request answers the same.
 *
 * "There is always one owner": ownership moves only as a transfer, two role changes that the
 * api appends in one transaction (`decideOwnershipTransfer` decides both): the successor's
 * change to `owner` and the owner's own change to `admin`/`member` naming that successor in
 * `transferOwnershipTo`. Without a successor the owner's demotion is `OWNER_REQUIRED`; nobody
 * but the owner can touch the owner's role.
 */
export function decideRoleChange(
  command: ChangeUserRole,
  state: LiveUser,
  at: string,
): [UserRoleChanged] | [] | UserFailure {
  const { actor, role: to, transferOwnershipTo } = command;
  if (isSystemActor(actor) || !mayChangeRoles(actor)) {
    return forbidden("Only the owner changes roles.");
  }
  const targetIsOwner = state.role === "owner";
  if (targetIsOwner && actor.userId !== state.userId) {
    return forbidden("Only the owner can hand over ownership.");
  }
  // An actor claiming to be the owner while this user holds another role is acting on a stale
  // or false principal: refuse rather than create a second owner.
  if (!targetIsOwner && isActing(actor, state.userId)) {
    return forbidden("Only the owner changes roles.");
  }
  const invalid = validationFailed(
    fieldProblems({ transferOwnershipTo: transferProblem(command, targetIsOwner) }),
  );
  if (invalid) return invalid;
  if (state.status !== "active") return invalidState(state.status, "Only active users.");
  if (to === state.role) return [];

  let ownershipTransfer: OwnershipTransfer | null = null;
  if (targetIsOwner) {
    if (transferOwnershipTo === undefined) {
      return ruleViolation("OWNER_REQUIRED", "Name a successor to hand ownership over.");
    }
    ownershipTransfer = { from: state.userId, to: transferOwnershipTo };
  } else if (to === "owner") {
    ownershipTransfer = { from: actor.userId, to: state.userId };
  }
  return [
    {
      type: "UserRoleChanged",
      data: { userId: state.userId, from: state.role, to, ownershipTransfer, at },
    },
  ];
}

function transferProblem(command: ChangeUserRole, targetIsOwner: boolean): string | null {
  const successor = command.transferOwnershipTo;
  if (successor === undefined) return null;
  if (!targetIsOwner || command.role === "owner") {
    return "only when the owner hands ownership over";
  }
  if (successor === command.userId) return "must be another user";
  return userIdProblem(successor);
}
