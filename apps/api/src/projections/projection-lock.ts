import type pg from "pg";

// Plain SQL on purpose: advisory locks on a key, no table is read.
const key = (name: string) => `booking-projection:${name}`;

/**
 * Taken first in every batch of a projection (live or rebuild), in the batch's transaction,
 * shared (a live and a rebuild batch do not wait for each other): a start or a swap of a
 * rebuild (`whileNoBatchRuns`, exclusive) waits for the batch to commit, and a batch waits
 * for them before it writes anything.
 */
export async function lockForBatch(client: pg.PoolClient, name: string): Promise<void> {
  await client.query({
    name: "booking_projection_batch_lock",
    text: "SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))",
    values: [key(name)],
  });
}

/**
 * Runs `work` while no batch of the projection is between its first statement and its
 * commit, in any process. `work` uses other connections: the lock is held by this session
 * (released when it ends, also when the process dies).
 */
export async function whileNoBatchRuns<T>(
  pool: pg.Pool,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client
      .query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key(name)])
      .catch((error: Error) => {
        broken = error;
        throw error;
      });
    try {
      return await work();
    } finally {
      await client
        .query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key(name)])
        .catch((error: Error) => {
          // Dropping the connection ends the session, which releases the lock.
          broken = error;
        });
    }
  } finally {
    client.release(broken);
  }
}
