import { decideOwnershipTransfer, isUserFailure, USER_PERSONAL_FIELDS } from "@booking/domain";
import { ConcurrencyConflictError } from "@booking/eventstore";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { loadUser, userFailureToAppError, userStreamId } from "./user-stream.ts";

/**
 * The owner hands ownership to an active user and stays on as admin. Both users' streams
 * change in one transaction (the event store's multi-stream append), so there is never a
 * moment with no owner or two.
 */
export async function transferOwnership(
  ctx: AppContext,
  owner: UserPrincipal,
  successorId: string,
): Promise<void> {
  const store = ctx.deps.eventStore;
  const [current, successor] = await Promise.all([
    loadUser(store, owner.userId),
    loadUser(store, successorId),
  ]);
  const decision = decideOwnershipTransfer({
    actor: { userId: owner.userId, role: owner.role },
    owner: current.state,
    successor: successor.state,
    now: ctx.now(),
  });
  if (isUserFailure(decision)) throw userFailureToAppError(decision);
  const personal = (userId: string) => ({
    subjectId: userId,
    fields: USER_PERSONAL_FIELDS.UserRoleChanged,
  });
  try {
    await store.appendToStreams(
      [
        {
          streamId: userStreamId(owner.userId),
          events: decision.ownerEvents.map((event) => ({
            ...event,
            personal: personal(owner.userId),
          })),
          options: { expectedVersion: current.version },
        },
        {
          streamId: userStreamId(successorId),
          events: decision.successorEvents.map((event) => ({
            ...event,
            personal: personal(successorId),
          })),
          options: { expectedVersion: successor.version },
        },
      ],
      { metadata: { correlationId: ctx.requestId, actor: { userId: owner.userId } } },
    );
  } catch (error) {
    if (error instanceof ConcurrencyConflictError) {
      throw new AppError(
        "CONCURRENCY_CONFLICT",
        "One of the two users changed meanwhile; try again.",
      );
    }
    throw error;
  }
}
