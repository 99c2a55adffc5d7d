import {
  decideUser,
  foldEvents,
  isUserFailure,
  USER_PERSONAL_FIELDS,
  type UserCommand,
  type UserEvent,
  type UserFailure,
  type UserState,
  userDecider,
} from "@booking/domain";
import {
  ConcurrencyConflictError,
  type EventStore,
  InlineProjectionError,
  NO_STREAM,
} from "@booking/eventstore";
import { AppError } from "../errors/app-error.ts";

export const userStreamId = (userId: string) => `user-${userId}`;

export interface LoadedUser {
  state: UserState;
  version: number;
}

export async function loadUser(store: EventStore, userId: string): Promise<LoadedUser> {
  const events = await store.readStream<UserEvent>(userStreamId(userId));
  return { state: foldEvents(userDecider, events), version: events.length };
}

export interface CommandMetadata {
  correlationId: string;
  actor: Record<string, unknown>;
}

/**
 * Load, decide, append: the one way a user changes. A concurrent change of the same user
 * makes the append conflict; the decision is pure, so it is simply made again on the new
 * state (a few times at most).
 */
export async function runUserCommand(
  store: EventStore,
  command: UserCommand,
  now: Date,
  metadata: CommandMetadata,
): Promise<{ state: UserState; events: UserEvent[] }> {
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadUser(store, command.userId);
    const decision = decideUser(command, state, now);
    if (isUserFailure(decision)) throw userFailureToAppError(decision);
    if (decision.length === 0) return { state, events: [] };
    try {
      await store.append(
        userStreamId(command.userId),
        decision.map((event) => ({
          ...event,
          personal: { subjectId: command.userId, fields: USER_PERSONAL_FIELDS[event.type] },
        })),
        { expectedVersion: version === 0 ? NO_STREAM : version, metadata },
      );
      return { state: decision.reduce(userDecider.evolve, state), events: decision };
    } catch (error) {
      if (error instanceof ConcurrencyConflictError && attempt < 3) continue;
      throw mapAppendError(error);
    }
  }
}

export function userFailureToAppError(failure: UserFailure): AppError {
  return new AppError(failure.code, failure.message, {
    ...("details" in failure ? { details: failure.details } : {}),
  });
}

function mapAppendError(error: unknown): unknown {
  if (error instanceof InlineProjectionError && error.constraint === "users_email_lookup_key") {
    return new AppError("EMAIL_TAKEN", "An account with this e-mail address exists already.");
  }
  // Checked at commit (deferred), so it may come back unwrapped by the projection.
  if ((error as { constraint?: unknown }).constraint === "users_single_owner") {
    return new AppError("CONCURRENCY_CONFLICT", "The system has an owner already.");
  }
  if (error instanceof ConcurrencyConflictError) {
    return new AppError("CONCURRENCY_CONFLICT", "The user changed meanwhile; try again.");
  }
  return error;
}
