import { generateDataKey, unwrapDataKey, wrapDataKey } from "./field-encryption.ts";
import type { Queryable } from "./queryable.ts";

/**
 * Data keys per subject, stored wrapped by the master key. Never cached across calls: after
 * another process erases a subject, the next read must already see the key gone.
 */
export async function loadSubjectKeys(
  db: Queryable,
  masterKey: Buffer | undefined,
  subjectIds: readonly string[],
): Promise<Map<string, Buffer>> {
  const keys = new Map<string, Buffer>();
  if (subjectIds.length === 0 || !masterKey) return keys;
  const { rows } = await db.query<{ subject_id: string; wrapped_key: Buffer }>({
    name: "eventstore_load_subject_keys",
    text: "SELECT subject_id, wrapped_key FROM eventstore_subject_keys WHERE subject_id = ANY($1::text[])",
    values: [subjectIds],
  });
  for (const row of rows) {
    keys.set(row.subject_id, unwrapDataKey(masterKey, row.wrapped_key, row.subject_id));
  }
  return keys;
}

/** Creates the missing keys; retries once for keys another transaction created meanwhile. */
export async function loadOrCreateSubjectKeys(
  db: Queryable,
  masterKey: Buffer,
  subjectIds: readonly string[],
): Promise<Map<string, Buffer>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const keys = await loadSubjectKeys(db, masterKey, subjectIds);
    const missing = subjectIds.filter((id) => !keys.has(id));
    if (missing.length === 0) return keys;
    const wrapped = missing.map((id) => wrapDataKey(masterKey, generateDataKey(), id));
    await db.query({
      name: "eventstore_create_subject_keys",
      text: `INSERT INTO eventstore_subject_keys (subject_id, wrapped_key)
             SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (subject_id) DO NOTHING`,
      values: [missing, wrapped],
    });
  }
  throw new Error("Could not create subject keys");
}

/**
 * Shreds a subject: its key goes, and so do snapshots of the streams holding its events,
 * because a snapshot's state may contain its personal fields decrypted.
 */
export async function eraseSubjectKey(db: Queryable, subjectId: string): Promise<void> {
  await db.query(
    `WITH erased AS (DELETE FROM eventstore_subject_keys WHERE subject_id = $1)
     DELETE FROM eventstore_snapshots
     WHERE stream_id IN (SELECT stream_id FROM eventstore_events WHERE subject_id = $1)`,
    [subjectId],
  );
}
