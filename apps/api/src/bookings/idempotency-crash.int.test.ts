import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { useApiProcesses } from "../../test/api-processes.ts";
import { openHouse, venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { testOwner } from "../../test/test-server.ts";

const database = useTestDatabase();
const startApi = useApiProcesses(database, { TRUST_PROXY: "1", LOG_LEVEL: "info" });

/** A running api on a fresh data directory, its owner's token, and a house of `rooms` rooms. */
async function apiWithRooms(rooms: number) {
  const dataDir = await mkdtemp(join(tmpdir(), "booking-crash-"));
  const first = await startApi(dataDir);
  const call = restClient(() => first.url);
  const login = await call<{ token: string }>("POST", "/auth/login", { body: testOwner });
  const owner = login.body.token;
  const house = await venueWithOffering(call, owner, "stay", rooms, openHouse);
  return { dataDir, first, owner, ...house };
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Created = { booking: { id: string } };
type Keyed = { key: string; body: Record<string, unknown> };

/** POST /bookings with the request's Idempotency-Key, as a retrying client sends it. */
async function postBooking(baseUrl: string, token: string, request: Keyed) {
  const response = await fetch(`${baseUrl}/api/v1/bookings`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      "Idempotency-Key": request.key,
    },
    body: JSON.stringify(request.body),
  });
  const body = (await response.json()) as Created & { error?: { code: string } };
  return { status: response.status, body };
}

/**
 * The Idempotency-Key's promise across a crash: the api is killed (SIGKILL) in the middle of
 * a load of keyed creates, so some requests die after their booking was saved and before
 * the answer left, others before anything was saved. Retried with the same key after the
 * restart, each request yields its booking exactly once: the one already answered or saved
 * is replayed, the others are created now; none waits for a first attempt that died.
 */
describe("Idempotency-Key across kill -9", () => {
  test("a booking saved by a process that died before answering is replayed, not made again", async () => {
    const { dataDir, first, owner, offeringId, resourceIds } = await apiWithRooms(1);
    const request: Keyed = {
      key: randomUUID(),
      body: { offeringId, resourceIds, checkIn: inDays(20), checkOut: inDays(22), guests: 1 },
    };
    const blocker = new pg.Client({ connectionString: database().url });
    await blocker.connect();
    try {
      // Hold the booking's insert at the database: the api's statement waits there, the
      // api is killed, then the statement goes on and commits with nobody to answer.
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE bookings IN SHARE MODE");
      const unanswered = postBooking(first.url, owner, request).catch(() => "no answer");
      for (let waiting = 0; waiting === 0; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await blocker.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        waiting = rows[0]?.n ?? 0;
      }
      await first.stop("SIGKILL");
      expect(await unanswered).toBe("no answer");
      await blocker.query("COMMIT");
      const saved = await blocker.query<{ id: string }>(
        "SELECT id FROM bookings WHERE offering_id = $1",
        [offeringId],
      );
      for (let tries = 0; saved.rows.length === 0 && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        saved.rows = (
          await blocker.query<{ id: string }>("SELECT id FROM bookings WHERE offering_id = $1", [
            offeringId,
          ])
        ).rows;
      }
      expect(saved.rows).toHaveLength(1);

      const second = await startApi(dataDir);
      const retried = await postBooking(second.url, owner, request);
      expect(retried.status).toBe(201);
      expect(retried.body.booking.id).toBe(saved.rows[0]?.id);
      const count = await blocker.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM bookings WHERE offering_id = $1",
        [offeringId],
      );
      expect(count.rows[0]?.n).toBe(1);
    } finally {
      await blocker.end();
    }
  }, 60_000);

  test("every request retried with its key after a crash yields exactly one booking", async () => {
    const rooms = 30;
    const { dataDir, first, owner, offeringId, resourceIds } = await apiWithRooms(rooms);
    // Each request its own room and nights: a second booking of the same request would not
    // collide with anything, so a duplicate shows up as an extra row.
    const requests: Keyed[] = Array.from({ length: 160 }, (_, i) => ({
      key: randomUUID(),
      body: {
        offeringId,
        resourceIds: [resourceIds[i % rooms]],
        checkIn: inDays(10 + 3 * Math.floor(i / rooms)),
        checkOut: inDays(11 + 3 * Math.floor(i / rooms)),
        guests: 1,
      },
    }));

    const answered = new Map<string, string>();
    const refused: unknown[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < requests.length) {
        const request = requests[next++];
        if (!request) return;
        try {
          const { status, body } = await postBooking(first.url, owner, request);
          if (status === 201) answered.set(request.key, body.booking.id);
          else refused.push({ status, body });
        } catch {
          // The connection died with the process: this request got no answer.
        }
      }
    };
    const load = Promise.all(Array.from({ length: 12 }, worker));
    while (answered.size < 30 && refused.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    killed = true;
    await first.stop("SIGKILL");
    await load;
    expect(refused).toEqual([]);
    const sent = next;
    expect(sent).toBeLessThan(requests.length);
    expect(sent - answered.size).toBeGreaterThan(0);

    const second = await startApi(dataDir);
    const retried = await Promise.all(
      requests.slice(0, sent).map(async (request) => {
        const started = Date.now();
        const { status, body } = await postBooking(second.url, owner, request);
        return {
          key: request.key,
          status,
          code: body.error?.code,
          id: body.booking?.id,
          ms: Date.now() - started,
        };
      }),
    );
    expect(retried.filter((outcome) => outcome.status !== 201)).toEqual([]);
    for (const outcome of retried) {
      const before = answered.get(outcome.key);
      if (before) expect(outcome.id).toBe(before);
    }
    // Nobody waited for a first attempt that died with the process.
    expect(Math.max(...retried.map((outcome) => outcome.ms))).toBeLessThan(5_000);

    const client = new pg.Client({ connectionString: database().url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM bookings WHERE offering_id = $1",
        [offeringId],
      );
      expect(rows[0]?.n).toBe(sent);
      const ids = new Set(retried.map((outcome) => outcome.id));
      expect(ids.size).toBe(sent);
    } finally {
      await client.end();
    }
  }, 120_000);
});
