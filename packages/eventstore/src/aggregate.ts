import type { EventStore } from "./event-store.ts";
import type { DomainEvent, RecordedEvent } from "./event-types.ts";
import { readSnapshot, saveSnapshot } from "./snapshots.ts";

export interface SnapshotPolicy {
  /** Bump when the state's shape changes: snapshots of another version are ignored. */
  stateSchemaVersion: number;
  /** Save a snapshot once this many events were folded on top of the last one. */
  every: number;
}

export interface AggregateDefinition<S, E extends DomainEvent = DomainEvent> {
  /** Names the snapshot, so several folds of one stream keep separate snapshots. */
  name: string;
  initialState: () => S;
  evolve: (state: S, event: RecordedEvent<E>) => S;
  /** State must be JSON-serializable to be snapshotted. */
  snapshot?: SnapshotPolicy;
}

export interface LoadedAggregate<S> {
  state: S;
  /** The stream version folded into `state`: use it as the expected version of the next append. */
  version: number;
}

export async function loadAggregate<S, E extends DomainEvent = DomainEvent>(
  store: EventStore,
  definition: AggregateDefinition<S, E>,
  streamId: string,
): Promise<LoadedAggregate<S>> {
  const policy = definition.snapshot;
  const snapshot = policy
    ? await readSnapshot<S>(store.pool, streamId, definition.name, policy.stateSchemaVersion)
    : undefined;
  let state = snapshot ? snapshot.state : definition.initialState();
  let version = snapshot ? snapshot.version : 0;
  const events = await store.readStream<E>(streamId, { fromVersion: version + 1 });
  for (const event of events) {
    state = definition.evolve(state, event);
    version = event.streamVersion;
  }
  if (policy && events.length >= policy.every) {
    await saveSnapshot(store.pool, streamId, definition.name, policy.stateSchemaVersion, {
      state,
      version,
    });
  }
  return { state, version };
}
