import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type pg from "pg";
import { outboxFileName } from "../src/notifications/delivery/file-transport.ts";
import { closedLoop, type HttpClient } from "./http-load.ts";
import { freeNights, holidayHome, stayBody, venueWithOffering } from "./seed.ts";

const api = "/api/v1";
const ROOMS = 20;

export interface BurstResult {
  confirmations: number;
  /** From the first confirm request to the last confirmation's file in the outbox. */
  deliveredMs: number;
  /** How long the confirm requests themselves took. */
  confirmMs: number;
  /** Every booking has one confirmation row, sent, and one file under its Message-ID. */
  exactlyOnce: boolean;
}

/** Waits until no mail is due: everything owed so far has been handed to the transport. */
export async function untilOutboxDrained(db: pg.Client, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { rows } = await db.query<{ due: string; lag: string }>(
      `SELECT (SELECT count(*) FROM notifications
                WHERE status = 'pending' AND next_attempt_at <= now()) AS due,
              (SELECT count(*) FROM eventstore_events e, eventstore_subscriptions s
                WHERE s.name = 'notifications'
                  AND (e.transaction_id, e.global_position) > (s.transaction_id, s.global_position)) AS lag`,
    );
    if (rows[0]?.due === "0" && rows[0]?.lag === "0") return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error("the outbox did not drain");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * `count` guests' stays wait for approval at a house of their own; the owner confirms them
 * all in a burst from 32 clients, and the clock runs until every confirmation is a file in
 * the outbox (docs/quality.md: 1,000 within 10 s, exactly one each).
 */
export async function notificationBurst(
  client: HttpClient,
  token: string,
  db: pg.Client,
  dataDir: string,
  today: string,
  count = 1000,
): Promise<BurstResult> {
  const house = await venueWithOffering(
    client,
    token,
    "stay",
    holidayHome("Ferienhaus im Tal", true),
    ROOMS,
  );
  const targets = freeNights(ROOMS, 2, 2 + Math.ceil(count / ROOMS), today).slice(0, count);
  const ids: string[] = [];
  await closedLoop(16, { maxOperations: count, maxSeconds: 600 }, async (i) => {
    const { booking } = await client.json<{ booking: { id: string } }>(
      "POST",
      `${api}/bookings`,
      201,
      {
        body: {
          ...stayBody(house, targets[i] as (typeof targets)[number], 1),
          guest: { name: `Guest ${i}`, email: `guest-${i}@bench.example.org`, phone: "+49 30 1" },
        },
      },
    );
    ids[i] = booking.id;
  });
  // The requests' mails to the owner go out first; the clock starts on a quiet outbox.
  await untilOutboxDrained(db);

  const started = performance.now();
  await closedLoop(32, { maxOperations: count, maxSeconds: 600 }, async (i) => {
    await client.json("POST", `${api}/bookings/${ids[i]}/confirm`, 200, { token });
  });
  const confirmMs = performance.now() - started;
  const outbox = join(dataDir, "outbox");
  let rows: { booking_id: string; message_id: string; status: string }[] = [];
  for (;;) {
    ({ rows } = await db.query(
      `SELECT booking_id, message_id, status FROM notifications
       WHERE kind = 'booking_confirmed' AND booking_id = ANY($1::uuid[])`,
      [ids],
    ));
    const sent = rows.filter((row) => row.status === "sent");
    if (sent.length >= count) {
      const files = new Set(await readdir(outbox));
      if (sent.every((row) => files.has(outboxFileName(row.message_id)))) break;
    }
    if (performance.now() - started > 120_000) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const deliveredMs = performance.now() - started;
  const files = new Set(await readdir(outbox));
  const exactlyOnce =
    rows.length === count &&
    new Set(rows.map((row) => row.booking_id)).size === count &&
    new Set(rows.map((row) => row.message_id)).size === count &&
    rows.every((row) => row.status === "sent" && files.has(outboxFileName(row.message_id)));
  return { confirmations: rows.length, deliveredMs, confirmMs, exactlyOnce };
}
