import {
  type CatalogCommand,
  type CatalogEvent,
  decideCatalogEntity,
  evolveCatalogEntity,
} from "@booking/domain";
import type { EventStore } from "@booking/eventstore";
import { AppError } from "../errors/app-error.ts";
import { decideAndAppend } from "../events/decide-and-append.ts";
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
  await decideAndAppend<Entity | null, CatalogEvent<Entity, Entity>>(
    store,
    streamId,
    {
      load: async () => {
        const recorded = await store.readStream(streamId);
        const history = recorded.map((event) => ({
          type: event.type === names.created ? "Created" : "Updated",
          data: event.data,
        })) as CatalogEvent<Entity, Entity>[];
        return {
          state: history.reduce(evolveCatalogEntity<Entity, Entity>, null),
          version: recorded.length,
        };
      },
      decide: (state) => {
        const decision = decideCatalogEntity(command, state, now);
        if (Array.isArray(decision)) return decision;
        throw new AppError(decision.code, `No such ${names.label}.`, {
          ...("details" in decision ? { details: decision.details } : {}),
        });
      },
      evolve: evolveCatalogEntity<Entity, Entity>,
      toStored: (event) => ({
        type: event.type === "Created" ? names.created : names.updated,
        data: event.data,
      }),
    },
    metadata,
  );
}
