import { isActing } from "./user.actor.ts";
import type {
  ApproveUser,
  DisableUser,
  EnableUser,
  EraseUser,
  RejectUser,
} from "./user.commands.ts";
import {
  forbidden,
  invalidState,
  ruleViolation,
  type UserFailure,
  validationFailed,
} from "./user.errors.ts";
import type { UserEvent } from "./user.events.ts";
import { mayManage } from "./user.permissions.ts";
import type { LiveUser } from "./user.state.ts";
import { fieldProblems, reasonProblem } from "./user.validation.ts";

type LifecycleCommand = ApproveUser | RejectUser | DisableUser | EnableUser | EraseUser;

/**
 * Status changes of an existing account. Checks run in one order everywhere: who may act
 * (FORBIDDEN), then the command's fields (VALIDATION_FAILED), then the status
 * (INVALID_STATE), so a member learns nothing about an account's status by probing.
 */
export function decideLifecycle(
  command: LifecycleCommand,
  state: LiveUser,
  at: string,
): UserEvent[] | UserFailure {
  const { userId } = state;
  switch (command.type) {
    case "ApproveUser":
      if (!mayManage(command.actor, state.role)) return forbidden("You may not approve users.");
      if (state.status !== "pending") return invalidState(state.status, "Only pending users.");
      return [{ type: "UserApproved", data: { userId, at } }];
    case "RejectUser": {
      if (!mayManage(command.actor, state.role)) return forbidden("You may not reject users.");
      const invalid = validationFailed(fieldProblems({ reason: reasonProblem(command.reason) }));
      if (invalid) return invalid;
      if (state.status !== "pending") return invalidState(state.status, "Only pending users.");
      return [{ type: "UserRejected", data: { userId, reason: command.reason.trim(), at } }];
    }
    case "DisableUser": {
      const refused = refuseOwnerLeaving(command, state, "disable");
      if (refused) return refused;
      if (state.status !== "active") return invalidState(state.status, "Only active users.");
      return [{ type: "UserDisabled", data: { userId, at } }];
    }
    // Re-enabling exists because disabling is what a family admin does to pause an account
    // (a lost phone, a dispute), expecting to undo it; the role is kept. Rejection and erasure
    // are the final answers.
    case "EnableUser":
      if (!mayManage(command.actor, state.role)) return forbidden("You may not enable users.");
      if (state.status !== "disabled") return invalidState(state.status, "Only disabled users.");
      return [{ type: "UserEnabled", data: { userId, at } }];
    // Anyone may erase themself in any status (GDPR), those who manage them too; the owner
    // first hands ownership over, since the system must never be left without one.
    case "EraseUser": {
      if (isActing(command.actor, userId) && state.role !== "owner") {
        return [{ type: "UserErased", data: { userId, at } }];
      }
      return (
        refuseOwnerLeaving(command, state, "erase") ?? [
          { type: "UserErased", data: { userId, at } },
        ]
      );
    }
  }
}

function refuseOwnerLeaving(
  command: DisableUser | EraseUser,
  state: LiveUser,
  verb: string,
): UserFailure | null {
  if (state.role === "owner" && isActing(command.actor, state.userId)) {
    return ruleViolation("OWNER_REQUIRED", `Transfer ownership before you ${verb} your account.`);
  }
  if (!mayManage(command.actor, state.role)) return forbidden(`You may not ${verb} this user.`);
  return null;
}
