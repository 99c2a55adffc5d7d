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
} from "@booking/eventstore";
import { AppError } from "../errors/app-error.ts";
import { decideAndAppend } from "../events/decide-and-append.ts";

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

/** A user's command through the shared load–decide–append round. */
export async function runUserCommand(
  store: EventStore,
  command: UserCommand,
  now: Date,
  metadata: CommandMetadata,
): Promise<{ state: UserState; events: UserEvent[] }> {
  try {
    const { state, events } = await decideAndAppend<UserState, UserEvent>(
      store,
      userStreamId(command.userId),
      {
        load: () => loadUser(store, command.userId),
        decide: (state) => {
          const decision = decideUser(command, state, now);
          if (isUserFailure(decision)) throw userFailureToAppError(decision);
          return decision;
        },
        evolve: userDecider.evolve,
        toStored: (event) => ({
          ...event,
          personal: { subjectId: command.userId, fields: USER_PERSONAL_FIELDS[event.type] },
        }),
      },
      metadata,
    );
    return { state, events };
  } catch (error) {
    throw mapAppendError(error);
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
