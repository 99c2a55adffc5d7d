import type pg from "pg";

/**
 * Checks out a pool client that may lose its connection while in use. A checked-out pg
 * client whose connection dies emits "error"; the query in flight fails on its own, but an
 * "error" event without a listener ends the Node process. The listener goes with the
 * release, and a client that failed is destroyed instead of going back to the pool.
 */
export async function checkOut(pool: pg.Pool): Promise<{
  client: pg.PoolClient;
  release(failure?: Error): void;
}> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on("error", onError);
  return {
    client,
    release(failure) {
      client.off("error", onError);
      client.release(failure ?? lost);
    },
  };
}
