import type { Queryable } from "./queryable.ts";

export interface Snapshot<S> {
  state: S;
  version: number;
}

/** A snapshot only counts when it was taken with the state schema the caller folds into. */
export async function readSnapshot<S>(
  db: Queryable,
  streamId: string,
  name: string,
  stateSchemaVersion: number,
): Promise<Snapshot<S> | undefined> {
  const { rows } = await db.query<{ state: S; stream_version: string }>({
    name: "eventstore_read_snapshot",
    text: `SELECT state, stream_version FROM eventstore_snapshots
           WHERE stream_id = $1 AND snapshot_name = $2 AND state_schema_version = $3`,
    values: [streamId, name, stateSchemaVersion],
  });
  const row = rows[0];
  return row ? { state: row.state, version: Number(row.stream_version) } : undefined;
}

/** Keeps the newest snapshot; one of another schema version is simply replaced. */
export async function saveSnapshot<S>(
  db: Queryable,
  streamId: string,
  name: string,
  stateSchemaVersion: number,
  snapshot: Snapshot<S>,
): Promise<void> {
  await db.query({
    name: "eventstore_save_snapshot",
    text: `INSERT INTO eventstore_snapshots
             (stream_id, snapshot_name, stream_version, state_schema_version, state)
           VALUES ($1, $2, $3, $4, $5::jsonb)
           ON CONFLICT (stream_id, snapshot_name) DO UPDATE
           SET stream_version = EXCLUDED.stream_version,
               state_schema_version = EXCLUDED.state_schema_version,
               state = EXCLUDED.state, created_at = now()
           WHERE eventstore_snapshots.stream_version < EXCLUDED.stream_version
              OR eventstore_snapshots.state_schema_version <> EXCLUDED.state_schema_version`,
    values: [streamId, name, snapshot.version, stateSchemaVersion, JSON.stringify(snapshot.state)],
  });
}
