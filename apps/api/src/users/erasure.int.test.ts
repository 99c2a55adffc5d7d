import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { serviceWithQuestions, venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { mailIn, outboxPlace, recipientsOf } from "../../test/outbox.ts";
import { scanForPersonalData } from "../../test/personal-data-scan.ts";
import { monthlyStatistics, monthOf } from "../../test/statistics.ts";
import { useTestServer } from "../../test/test-server.ts";
import { bookingJobs } from "../bookings/booking.jobs.ts";

const server = useTestServer();
const call = restClient(() => server().url);

/** The next weekday at least ten days ahead at `time` UTC: inside the workshop's hours. */
function weekdayAt(time: string): string {
  let date = new Date(Date.now() + 10 * 86_400_000);
  while ([0, 6].includes(date.getUTCDay())) date = new Date(date.getTime() + 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${time}:00.000Z`;
}

type Booking = {
  id: string;
  status: string;
  start: string;
  end: string;
  price: { amount: number; currency: string };
  notes?: string;
  answers?: Record<string, unknown>;
};

describe("GDPR export and erasure", () => {
  test("the export lists every booking of the person, with notes and answers, oldest first", async () => {
    const owner = await ownerToken(call);
    const stay = await venueWithOffering(call, owner, "stay", 2);
    const { token } = await activeUser(call);
    const other = await activeUser(call);
    const inDays = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const book = async (who: string, room: string, from: number, notes: string) => {
      const response = await call<{ booking: { id: string } }>("POST", "/bookings", {
        token: who,
        body: {
          offeringId: stay.offeringId,
          resourceIds: [room],
          checkIn: inDays(from),
          checkOut: inDays(from + 2),
          guests: 1,
          notes,
        },
      });
      expect(response.status).toBe(201);
      return response.body.booking.id;
    };
    const first = await book(token, stay.resourceIds[0] ?? "", 60, "first stay, late arrival");
    const second = await book(token, stay.resourceIds[1] ?? "", 20, "second stay, with a dog");
    await book(other.token, stay.resourceIds[0] ?? "", 30, "someone else's stay");
    const service = await serviceWithQuestions(call, owner);
    const appointment = await call<{ booking: { id: string } }>("POST", "/bookings", {
      token,
      body: {
        offeringId: service.offeringId,
        start: weekdayAt("10:00"),
        guests: 1,
        answers: { plate: "PLÖ-E 7" },
      },
    });
    expect(appointment.status).toBe(201);

    const exported = await call<{
      bookings: { id: string; notes?: string; answers?: Record<string, unknown> }[];
    }>("GET", "/me/export", { token });
    expect(exported.status).toBe(200);
    expect(
      exported.body.bookings.map((booking) => [booking.id, booking.notes, booking.answers]),
    ).toEqual([
      [first, "first stay, late arrival", undefined],
      [second, "second stay, with a dog", undefined],
      [appointment.body.booking.id, undefined, { plate: "PLÖ-E 7" }],
    ]);
  });

  test("export holds the person's data; after DELETE /me no table holds it in clear", async () => {
    const { id, person, token } = await activeUser(call);
    const apiToken = await call<{ token: string }>("POST", "/me/tokens", {
      token,
      body: { name: "laptop" },
    });
    const feed = await call<{ url: string }>("POST", "/me/feeds", {
      token,
      body: { name: "phone" },
    });
    expect((await fetch(feed.body.url)).status).toBe(200);

    const exported = await call<Record<string, unknown>>("GET", "/me/export", { token });
    expect(exported.status).toBe(200);
    const exportText = JSON.stringify(exported.body);
    for (const value of [person.name, person.email, person.phone])
      expect(exportText).toContain(value);
    expect(exportText).not.toMatch(/argon2/);
    expect(exported.body.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "UserRegistered" })]),
    );

    const pool = server().deps.database.pool;
    const personal = [person.name, person.email, person.email.split("@")[0] ?? "", person.phone];
    expect(await scanForPersonalData(pool, [person.email])).toContainEqual(
      expect.objectContaining({ place: "public.users.email" }),
    );

    expect((await call("DELETE", "/me", { token })).status).toBe(204);

    expect(await scanForPersonalData(pool, personal)).toEqual([]);

    expect((await call("GET", "/me", { token })).status).toBe(401);
    expect((await call("GET", "/me", { token: apiToken.body.token })).status).toBe(401);
    expect((await fetch(feed.body.url)).status).toBe(404);
    const feeds = await server()
      .deps.database.db.selectFrom("calendar_feeds")
      .select("revoked_at")
      .where("user_id", "=", id)
      .execute();
    expect(feeds.map((row) => row.revoked_at === null)).toEqual([false]);
    const login = await call("POST", "/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(login.status).toBe(401);

    const owner = await ownerToken(call);
    const listed = await call<{
      items: { id: string; name: string; email: string; status: string }[];
    }>("GET", "/users?status=erased", { token: owner });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id, name: "erased", email: "erased", status: "erased" }),
    );
  });

  test("the address of an erased person can register again", async () => {
    const { person, token } = await activeUser(call);
    expect((await call("DELETE", "/me", { token })).status).toBe(204);
    expect((await call("POST", "/auth/register", { body: person })).status).toBe(201);
  });

  test("the owner cannot erase themself without handing ownership over", async () => {
    const owner = await ownerToken(call);
    const response = await call<{ error: { code: string; details: { rule: string } } }>(
      "DELETE",
      "/me",
      { token: owner },
    );
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: "RULE_VIOLATION",
      details: { rule: "OWNER_REQUIRED" },
    });
  });
});

describe("erasure reaches every copy of a member's bookings", () => {
  /** A member with a confirmed slot (notes, answers, Idempotency-Key) and a cancelled one. */
  async function memberWithBookings() {
    const owner = await ownerToken(call);
    const { venueId, offeringId } = await serviceWithQuestions(call, owner);
    const member = await activeUser(call);
    const unique = member.id.slice(0, 8);
    const secrets = {
      notes: `Mara's note ${unique}`,
      plate: `HH-MA ${unique}`,
      otherNotes: `Mara's other note ${unique}`,
      reason: `Mara's reason ${unique}`,
    };
    const book = async (time: string, notes: string, plate: string) => {
      const created = await call<{ booking: Booking }>("POST", "/bookings", {
        token: member.token,
        headers: { "Idempotency-Key": `mara-${time}` },
        body: { offeringId, start: weekdayAt(time), guests: 1, notes, answers: { plate } },
      });
      expect(created.status).toBe(201);
      return created.body.booking;
    };
    const confirmed = await book("10:00", secrets.notes, secrets.plate);
    const other = await book("12:00", secrets.otherNotes, secrets.plate);
    const cancelled = await call<{ booking: Booking }>("DELETE", `/bookings/${other.id}`, {
      token: member.token,
      body: { reason: secrets.reason },
    });
    expect(cancelled.status).toBe(200);
    const values = [
      member.person.name,
      member.person.email,
      member.person.phone,
      ...Object.values(secrets),
    ];
    return { owner, venueId, member, values, confirmed, cancelled: cancelled.body.booking };
  }

  test("after DELETE /me no table holds the member's notes, answers or reasons, and every view agrees", async () => {
    const { owner, venueId, member, values, confirmed, cancelled } = await memberWithBookings();
    const pool = server().deps.database.pool;
    // The confirmations and the cancellation went out to the member.
    const { dataDir } = server().deps.config;
    await mailIn(
      dataDir,
      (mail) =>
        recipientsOf(mail).includes(member.person.email) &&
        (mail.messageId ?? "").startsWith("<booking-cancelled."),
    );
    const places = { places: [outboxPlace(dataDir)] };
    const before = await scanForPersonalData(pool, values, places);
    expect(before.map((found) => found.place)).toEqual(
      expect.arrayContaining([
        "public.bookings.data",
        "public.idempotency_keys.response",
        "public.notifications.recipient",
        "public.notifications.message",
        "outbox .eml files",
      ]),
    );

    expect((await call("DELETE", "/me", { token: member.token })).status).toBe(204);

    expect(await scanForPersonalData(pool, values, places)).toEqual([]);
    const outbox = await server()
      .deps.database.db.selectFrom("notifications")
      .select(["recipient", "message"])
      .where("user_id", "=", member.id)
      .execute();
    expect(outbox.length).toBeGreaterThanOrEqual(3);
    expect(outbox.every((row) => row.recipient === null && row.message === null)).toBe(true);
    const kept = (booking: Booking) => ({
      id: booking.id,
      status: booking.status,
      price: booking.price,
      start: booking.start,
      end: booking.end,
      notes: "[erased]",
    });
    const one = async (id: string) =>
      (await call<{ booking: Booking }>("GET", `/bookings/${id}`, { token: owner })).body.booking;
    const byVenue = await call<{ items: Booking[] }>("GET", `/bookings?venueId=${venueId}`, {
      token: owner,
    });
    const all = await call<{ items: Booking[] }>("GET", "/bookings?limit=100", { token: owner });
    const views = [
      [await one(confirmed.id), await one(cancelled.id)],
      byVenue.body.items,
      all.body.items.filter((item) => item.id === confirmed.id || item.id === cancelled.id),
    ];
    for (const view of views) {
      expect(view).toEqual([
        expect.objectContaining(kept(confirmed)),
        expect.objectContaining(kept(cancelled)),
      ]);
      for (const booking of view) expect(booking).not.toHaveProperty("answers");
    }
    expect(confirmed.status).toBe("confirmed");
    expect(cancelled.status).toBe("cancelled");
    const history = await call<{ history: { type: string; reason?: string }[] }>(
      "GET",
      `/bookings/${cancelled.id}`,
      { token: owner },
    );
    expect(history.body.history.at(-1)).toMatchObject({
      type: "BookingCancelled",
      reason: "[erased]",
    });
    const ics = await call<string>("GET", `/bookings/${confirmed.id}/ics`, { token: owner });
    expect(ics.status).toBe(200);
    expect(ics.body).toContain("STATUS:CONFIRMED");
    expect((await call("GET", "/bookings", { token: member.token })).status).toBe(401);
  });

  test("the statistics are the same after DELETE /me: the bookings still count", async () => {
    const { owner, venueId, member, confirmed } = await memberWithBookings();
    const statistics = () => monthlyStatistics(call, server().url, owner, venueId, confirmed.start);
    const before = await statistics();
    // The month counts both bookings: the confirmed one with its revenue, the cancelled one.
    expect(monthOf(before, confirmed.start)).toMatchObject({
      bookings: 2,
      confirmed: 1,
      cancelled: 1,
      revenue: confirmed.price.amount,
    });
    expect(confirmed.price.amount).toBeGreaterThan(0);

    expect((await call("DELETE", "/me", { token: member.token })).status).toBe(204);

    expect(await statistics()).toEqual(before);
  });

  test("a crash before the copies were rewritten is finished by the erasure job", async () => {
    const { member, values, confirmed } = await memberWithBookings();
    const { pool } = server().deps.database;
    // What a crash right after the key's destruction would leave: the row and the stored
    // answer as they were before the erasure.
    const { rows: bookingRows } = await pool.query("SELECT data FROM bookings WHERE id = $1", [
      confirmed.id,
    ]);
    const { rows: keyRows } = await pool.query(
      "SELECT scope, key, request_hash, status_code, response FROM idempotency_keys WHERE scope = $1",
      [`user:${member.id}`],
    );
    expect(keyRows).toHaveLength(2);
    expect((await call("DELETE", "/me", { token: member.token })).status).toBe(204);
    await pool.query("UPDATE bookings SET data = $2 WHERE id = $1", [
      confirmed.id,
      bookingRows[0].data,
    ]);
    // …and an outbox row that still had the address.
    await pool.query("UPDATE notifications SET recipient = $2 WHERE user_id = $1", [
      member.id,
      member.person.email,
    ]);
    for (const row of keyRows)
      await pool.query(
        "INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)",
        [row.scope, row.key, row.request_hash, row.status_code, row.response],
      );
    expect((await scanForPersonalData(pool, values)).length).toBeGreaterThan(0);

    const job = bookingJobs(server().deps).find((each) => each.name === "finish-erasures");
    if (!job) throw new Error("no finish-erasures job");
    expect(await job.run(new Date())).toBeGreaterThan(0);

    expect(await scanForPersonalData(pool, values)).toEqual([]);
    expect(await job.run(new Date())).toBe(0);
  });
});
