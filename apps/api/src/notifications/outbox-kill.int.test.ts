import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { expect, test } from "vitest";
import { useApiProcesses } from "../../test/api-processes.ts";
import { inDays } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { outboxDirectory } from "../../test/outbox.ts";
import { testOwner } from "../../test/test-server.ts";
import { outboxFileName } from "./delivery/file-transport.ts";

const database = useTestDatabase();
const startApi = useApiProcesses(database, { LOG_LEVEL: "info" });

const ROOMS = 10;
const NIGHTS = 24;

/** The finished confirmation files in the outbox (temporary files start with a dot). */
async function confirmationFiles(dataDir: string): Promise<string[]> {
  const files = await readdir(outboxDirectory(dataDir)).catch(() => [] as string[]);
  return files.filter((file) => file.startsWith("booking-confirmed."));
}

test("kill -9 in the middle of a burst of confirmations: after the restart every mail is out, once, byte for byte as stored", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "booking-outbox-kill-"));
  const first = await startApi(dataDir);
  const call = restClient(() => first.url);
  const owner = (await call<{ token: string }>("POST", "/auth/login", { body: testOwner })).body
    .token;
  // A house that needs approval: every stay waits, then the owner confirms them in a burst.
  const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", ROOMS);
  const ids: string[] = [];
  for (const [room, resourceId] of resourceIds.entries()) {
    for (let night = 0; night < NIGHTS; night++) {
      const created = await call<{ booking: { id: string; status: string } }>("POST", "/bookings", {
        body: {
          offeringId,
          resourceIds: [resourceId],
          checkIn: inDays(20 + night),
          checkOut: inDays(21 + night),
          guests: 1,
          guest: {
            name: `Guest ${room}-${night}`,
            email: `guest-${room}-${night}@example.org`,
            phone: "+49 30 1",
          },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.booking.status).toBe("pending");
      ids.push(created.body.booking.id);
    }
  }

  // The burst, 16 at a time; the process dies as soon as the first confirmation is out.
  let next = 0;
  const confirm = (baseUrl: string) => async () => {
    for (let id = ids[next++]; id !== undefined; id = ids[next++]) {
      await fetch(`${baseUrl}/api/v1/bookings/${id}/confirm`, {
        method: "POST",
        headers: { Authorization: `Bearer ${owner}` },
      }).catch(() => undefined);
    }
  };
  const burst = Promise.all(Array.from({ length: 16 }, confirm(first.url)));
  for (let waited = 0; (await confirmationFiles(dataDir)).length === 0; waited += 5) {
    if (waited > 20_000) throw new Error("no confirmation was sent");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await first.stop("SIGKILL");
  await burst;
  const outAtKill = (await confirmationFiles(dataDir)).length;

  const second = await startApi(dataDir);
  // Whatever the burst did not confirm before the kill, the owner confirms now (a booking
  // already confirmed answers 409, which is fine).
  next = 0;
  await Promise.all(Array.from({ length: 4 }, confirm(second.url)));

  const pool = new pg.Pool({ connectionString: database().url, max: 2 });
  try {
    let rows: { booking_id: string; message_id: string; status: string; message: string }[] = [];
    for (const deadline = Date.now() + 30_000; ; ) {
      ({ rows } = await pool.query(
        `SELECT booking_id, message_id, status, message FROM notifications
         WHERE kind = 'booking_confirmed' AND booking_id = ANY($1::uuid[])`,
        [ids],
      ));
      if (rows.length === ids.length && rows.every((row) => row.status === "sent")) break;
      if (Date.now() > deadline) throw new Error(`${rows.length} confirmations, not all sent`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // One confirmation per booking…
    expect(new Set(rows.map((row) => row.booking_id)).size).toBe(ids.length);
    // …one file per confirmation, none half-written, each exactly the stored message.
    const files = await confirmationFiles(dataDir);
    expect(files.sort()).toEqual(rows.map((row) => outboxFileName(row.message_id)).sort());
    const leftovers = (await readdir(outboxDirectory(dataDir))).filter((f) => f.startsWith("."));
    expect(leftovers).toEqual([]);
    for (const row of rows) {
      const file = await readFile(join(outboxDirectory(dataDir), outboxFileName(row.message_id)));
      expect(file.toString("utf8")).toBe(row.message);
    }
    expect(outAtKill).toBeLessThan(ids.length);
  } finally {
    await pool.end();
  }
}, 120_000);
