import { check, round } from "../check.ts";
import { slotStarts, slotVenue } from "../fixtures/catalog.ts";
import { stressClient } from "../fixtures/stress-api.ts";
import type { Check } from "../scenario.ts";
import { listAll } from "./list-all.ts";

const perJob = 10;
const fiveMinutes = 5 * 60_000;
const day = 24 * 3_600_000;
/** Jobs run every 15 s (holds) and 60 s (completion); a busy machine gets this much more. */
const slackMs = 60_000;

interface Tracked {
  id: string;
  /** When the job's work falls due: hold expiry, end of the booking, reminder time. */
  dueAt: number;
}

interface BookingRead {
  booking: { status: string };
  history: { type: string; at: string; actor: { system?: boolean } }[];
}

/**
 * Work that only the clock starts, set up through the proxy so that both processes' jobs
 * compete for it: holds that run out (TTL 1 minute), bookings that end within minutes (a
 * 5-minute service at the next full five minutes), bookings whose reminder falls due within
 * minutes (24 h before a start a little over a day ahead). `verify` waits for all of it
 * (bounded) and checks that each was done once: one HoldExpired, one BookingCompleted, one
 * reminder sent per booking.
 */
export async function startClockWork(proxyUrl: string, token: string) {
  const client = stressClient(proxyUrl, 4);
  const auth = { token };
  const holdVenue = await slotVenue(client, token, "Abandoned holds", 1, { holdTtlMinutes: 1 });
  const quick = await slotVenue(client, token, "Quick service", perJob, {
    hours: ["00:00", "24:00"],
    minutes: 5,
  });
  const holds: Tracked[] = [];
  for (const start of slotStarts(perJob)) {
    const { booking } = await client.json<{ booking: { id: string; holdExpiresAt: string } }>(
      "POST",
      "/api/v1/holds",
      201,
      { ...auth, body: { offeringId: holdVenue.offeringId, start, guests: 1 } },
    );
    holds.push({ id: booking.id, dueAt: Date.parse(booking.holdExpiresAt) });
  }
  const book = async (start: number): Promise<Tracked> => {
    const { booking } = await client.json<{ booking: { id: string; end: string } }>(
      "POST",
      "/api/v1/bookings",
      201,
      {
        ...auth,
        body: { offeringId: quick.offeringId, start: new Date(start).toISOString(), guests: 1 },
      },
    );
    return { id: booking.id, dueAt: Date.parse(booking.end) };
  };
  const soon = Math.ceil((Date.now() + 60_000) / fiveMinutes) * fiveMinutes;
  const tomorrow = Math.ceil((Date.now() + day + 90_000) / fiveMinutes) * fiveMinutes;
  const ending: Tracked[] = [];
  const reminded: Tracked[] = [];
  for (let i = 0; i < perJob; i++) {
    ending.push(await book(soon));
    const booked = await book(tomorrow);
    reminded.push({ id: booked.id, dueAt: tomorrow - day });
  }
  client.close();
  const lastDue = Math.max(...[...holds, ...ending, ...reminded].map((t) => t.dueAt));
  return {
    /** When everything should have been done, at the latest (ms since the epoch). */
    doneBy: lastDue + slackMs,
    verify: () => verify(proxyUrl, token, { holds, ending, reminded }),
  };
}

async function verify(
  proxyUrl: string,
  token: string,
  work: { holds: Tracked[]; ending: Tracked[]; reminded: Tracked[] },
): Promise<{ checks: Check[]; figures: Record<string, number> }> {
  const client = stressClient(proxyUrl, 4);
  const auth = { token };
  const read = (id: string) => client.json<BookingRead>("GET", `/api/v1/bookings/${id}`, 200, auth);
  const doneAt = new Map<string, number>();
  const allDue = Math.max(...[...work.holds, ...work.ending, ...work.reminded].map((t) => t.dueAt));
  const deadline = allDue + slackMs;
  const sentReminders = async () =>
    (
      await listAll<{ kind: string; bookingId?: string }>(
        client,
        "/api/v1/notifications?status=sent",
        token,
      )
    ).filter((n) => n.kind === "booking_reminder");
  // Poll until every piece of work is seen done, or the bound passes.
  for (;;) {
    for (const [list, status] of [
      [work.holds, "expired"],
      [work.ending, "completed"],
    ] as const) {
      for (const item of list) {
        if (doneAt.has(item.id) || Date.now() < item.dueAt) continue;
        if ((await read(item.id)).booking.status === status) doneAt.set(item.id, Date.now());
      }
    }
    if (work.reminded.some((item) => !doneAt.has(item.id) && Date.now() >= item.dueAt)) {
      const sent = new Set((await sentReminders()).map((n) => n.bookingId));
      for (const item of work.reminded) {
        if (!doneAt.has(item.id) && sent.has(item.id)) doneAt.set(item.id, Date.now());
      }
    }
    const all = [...work.holds, ...work.ending, ...work.reminded];
    if (all.every((item) => doneAt.has(item.id)) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const lateness = (list: Tracked[]) =>
    Math.max(
      0,
      ...list.map((item) => (doneAt.get(item.id) ?? Number.POSITIVE_INFINITY) - item.dueAt),
    );
  const histories = async (list: Tracked[], type: string) => {
    const counts = await Promise.all(
      list.map(async (item) => (await read(item.id)).history.filter((h) => h.type === type).length),
    );
    return counts;
  };
  const expiredCounts = await histories(work.holds, "HoldExpired");
  const completedCounts = await histories(work.ending, "BookingCompleted");
  const reminders = await sentReminders();
  const reminderCounts = work.reminded.map(
    (item) => reminders.filter((n) => n.bookingId === item.id).length,
  );
  client.close();
  const once = (counts: number[]) => counts.every((n) => n === 1);
  const describe = (counts: number[], what: string, late: number) =>
    `${counts.filter((n) => n === 1).length} of ${counts.length} once (counts ${[...new Set(counts)].join("/")}); ${what} ${Number.isFinite(late) ? `${round(late / 1000)} s` : "never"} after due`;
  const holdsLate = lateness(work.holds);
  const endingLate = lateness(work.ending);
  const remindersLate = lateness(work.reminded);
  return {
    checks: [
      check(
        "abandoned holds expire once each, within TTL + 60 s, nobody calling the api",
        once(expiredCounts) && holdsLate <= 60_000,
        describe(expiredCounts, "the last", holdsLate),
      ),
      check(
        "bookings whose end passed are completed once each",
        once(completedCounts) && Number.isFinite(endingLate),
        describe(completedCounts, "the last", endingLate),
      ),
      check(
        "reminders due 24 h before the start are sent once each",
        once(reminderCounts) && Number.isFinite(remindersLate),
        describe(reminderCounts, "the last", remindersLate),
      ),
    ],
    figures: {
      holds_expired_at_most_s_after_due: round(holdsLate / 1000),
      bookings_completed_at_most_s_after_end: round(endingLate / 1000),
      reminders_sent_at_most_s_after_due: round(remindersLate / 1000),
    },
  };
}
