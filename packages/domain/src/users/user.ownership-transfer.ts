import type { UserPrincipal } from "./user.actor.ts";
import { decideUser } from "./user.decider.ts";
import { isUserFailure, type UserFailure } from "./user.errors.ts";
import type { UserEvent, UserRoleChanged } from "./user.events.ts";
import type { UserState } from "./user.state.ts";

export interface OwnershipTransferDecision {
  /** Append to the former owner's stream... */
  ownerEvents: UserRoleChanged[];
  /** ...and to the successor's, in the same transaction, so there is always exactly one owner. */
  successorEvents: UserRoleChanged[];
}

/**
 * Hands ownership from the acting owner to an active successor, deciding both aggregates'
 * role changes together: either both are accepted or neither. The former owner stays on as
 * `admin` unless told otherwise, since they usually keep running the place.
 */
export function decideOwnershipTransfer(input: {
  actor: UserPrincipal;
  owner: UserState;
  successor: UserState;
  formerOwnerBecomes?: "admin" | "member";
  now: Date;
}): OwnershipTransferDecision | UserFailure {
  const { actor, owner, successor, now } = input;
  const ownerId = "userId" in owner ? owner.userId : actor.userId;
  const successorId = "userId" in successor ? successor.userId : "";
  const successorEvents = decideUser(
    { type: "ChangeUserRole", userId: successorId, actor, role: "owner" },
    successor,
    now,
  );
  if (isUserFailure(successorEvents)) return successorEvents;
  const ownerEvents = decideUser(
    {
      type: "ChangeUserRole",
      userId: ownerId,
      actor,
      role: input.formerOwnerBecomes ?? "admin",
      transferOwnershipTo: successorId,
    },
    owner,
    now,
  );
  if (isUserFailure(ownerEvents)) return ownerEvents;
  return {
    ownerEvents: ownerEvents.filter(isRoleChanged),
    successorEvents: successorEvents.filter(isRoleChanged),
  };
}

function isRoleChanged(event: UserEvent): event is UserRoleChanged {
  return event.type === "UserRoleChanged";
}
