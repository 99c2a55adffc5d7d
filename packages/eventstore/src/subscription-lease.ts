import pg from "pg";

export const WAKE_UP_CHANNEL = "eventstore_appended";

/**
 * A dedicated session that holds the subscription's advisory lock and listens for appends.
 * PostgreSQL releases the lock when the session ends, so a runner that dies (process
 * killed, connection lost) hands the subscription over without any timeout to tune.
 */
export interface SubscriptionLease {
  /** True once the session ended: the lock is gone, stop processing. */
  readonly lost: boolean;
  release(): Promise<void>;
}

export async function tryAcquireLease(
  connection: pg.ClientConfig,
  name: string,
  onWake: () => void,
): Promise<SubscriptionLease | undefined> {
  const client = new pg.Client(connection);
  let lost = false;
  const markLost = () => {
    lost = true;
    onWake();
  };
  client.on("error", markLost);
  client.on("end", markLost);
  try {
    await client.connect();
    const { rows } = await client.query<{ acquired: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended('eventstore-subscription:' || $1, 0)) AS acquired",
      [name],
    );
    if (!rows[0]?.acquired) {
      await client.end();
      return undefined;
    }
    client.on("notification", onWake);
    await client.query(`LISTEN ${WAKE_UP_CHANNEL}`);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return {
    get lost() {
      return lost;
    },
    // Ending the session releases the advisory lock.
    release: async () => {
      client.removeListener("end", markLost);
      await client.end().catch(() => {});
    },
  };
}
