import pg from "pg";

// Plain SQL on purpose: an advisory lock on a key, no table is read.
const LOCK =
  "SELECT pg_try_advisory_lock(hashtextextended('booking:notification-sender', 0)) AS ok";

/**
 * The right to send: a session-level advisory lock held by a connection of its own (not
 * the pool's), so a process that dies, or loses that connection, hands the outbox over to
 * another one without any timeout to tune.
 */
export interface SenderLease {
  /** True once the session ended: the lock is gone, hand nothing more to the transport. */
  readonly lost: boolean;
  /** Asks the session whether it is still there (a silently dropped link shows no error). */
  check(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * The lease, or undefined while another process holds it. With `wake`, the session also
 * listens on `wake.channel` (the active sender is the one that needs to hear of new rows).
 */
export async function tryAcquireSenderLease(
  connection: pg.ClientConfig,
  onLost: () => void,
  wake?: { channel: string; onNotification: () => void },
): Promise<SenderLease | undefined> {
  const client = new pg.Client({
    ...connection,
    application_name: "booking-notification-sender",
    keepAlive: true,
    query_timeout: 10_000,
  });
  let lost = false;
  const markLost = () => {
    if (lost) return;
    lost = true;
    onLost();
  };
  client.on("error", markLost);
  client.on("end", markLost);
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>(LOCK);
    if (!rows[0]?.ok) {
      client.removeListener("end", markLost);
      await client.end();
      return undefined;
    }
    if (wake) {
      client.on("notification", wake.onNotification);
      await client.query(`LISTEN ${client.escapeIdentifier(wake.channel)}`);
    }
  } catch (error) {
    client.removeListener("end", markLost);
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    get lost() {
      return lost;
    },
    async check() {
      if (lost) return false;
      try {
        await client.query("SELECT 1");
      } catch {
        markLost();
        await client.end().catch(() => undefined);
      }
      return !lost;
    },
    // Ending the session releases the lock.
    release: async () => {
      client.removeListener("end", markLost);
      lost = true;
      await client.end().catch(() => undefined);
    },
  };
}
