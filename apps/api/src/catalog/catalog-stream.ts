import {
  type CatalogCommand,
  type CatalogEvent,
  decideCatalogEntity,
  evolveCatalogEntity,
} from "@booking/domain";
import { ConcurrencyConflictError, type EventStore, NO_STREAM } from "@booking/eventstore";
import { AppError } from "../errors/app-error.ts";
import { type CatalogKind, catalogKinds } from "./catalog-kinds.ts";

type Entity = Record<string, unknown>;

/** Load, decide, append for one catalog entity; a concurrent change is decided again. */
export async function runCatalogCommand(
  store: EventStore,
  kind: CatalogKind,
  id: string,
  command: CatalogCommand<Entity, Entity>,
  now: Date,
  metadata: { correlationId: string; actor: Record<string, unknown> },
): Promise<void> {
  const names = catalogKinds[kind];
  const streamId = `${names.stream}-${id}`;
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamId);
    const history = recorded.map((event) => ({
      type: event.type === names.created ? "Created" : "Updated",
      data: event.data,
    })) as CatalogEvent<Entity, Entity>[];
    const state = history.reduce(evolveCatalogEntity<Entity, Entity>, null);
    const decision = decideCatalogEntity(command, state, now);
    if (!Array.isArray(decision)) {
      throw new AppError(decision.code, `No such ${names.label}.`, {
        ...("details" in decision ? { details: decision.details } : {}),
      });
    }
    if (decision.length === 0) return;
    try {
      await store.append(
        streamId,
        decision.map((event) => ({
          type: event.type === "Created" ? names.created : names.updated,
          data: event.data,
        })),
        { expectedVersion: recorded.length === 0 ? NO_STREAM : recorded.length, metadata },
      );
      return;
    } catch (error) {
      if (error instanceof ConcurrencyConflictError && attempt < 3) continue;
      throw error;
    }
  }
}
