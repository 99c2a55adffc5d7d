import { createdBookingSchema, errorEnvelopeSchema, transformer } from "@booking/contracts";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { inDays, weekdayAt10 } from "../../test/booking-dates.ts";
import {
  openHouse,
  serviceWithQuestions as slotServiceWithQuestions,
  venueWithOffering,
} from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { mailIn, outboxPlace, recipientsOf } from "../../test/outbox.ts";
import { scanForPersonalData } from "../../test/personal-data-scan.ts";
import { monthlyStatistics, monthOf } from "../../test/statistics.ts";
import { useTestServer } from "../../test/test-server.ts";
import type { AppRouter } from "../app/app-router.ts";

const server = useTestServer();
const call = restClient(() => server().url);

type Booking = {
  id: string;
  status: string;
  start: string;
  end: string;
  resourceIds: string[];
  price: { amount: number };
  holdExpiresAt?: string;
  notes?: string | null;
};

describe("listing by dates", () => {
  test("from and to are local dates of the booking's venue, not of the database server", async () => {
    const owner = await ownerToken(call);
    // Auckland is 12–13 hours ahead of UTC: a stay that checks out at 10:00 local time on a
    // day ends on the evening before in UTC.
    const { offeringId, resourceIds, venueId } = await venueWithOffering(call, owner, "stay", 1, {
      timeZone: "Pacific/Auckland",
      policies: { ...openHouse.policies },
    });
    const stay = { offeringId, resourceIds, checkIn: inDays(30), checkOut: inDays(31), guests: 1 };
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: owner,
      body: stay,
    });
    expect(created.status).toBe(201);
    const list = async (range: string) =>
      (
        await call<{ items: { id: string }[] }>("GET", `/bookings?venueId=${venueId}&${range}`, {
          token: owner,
        })
      ).body.items.map((booking) => booking.id);
    // The morning of check-out day belongs to the stay; the day after does not.
    expect(await list(`from=${inDays(31)}&to=${inDays(32)}`)).toEqual([created.body.booking.id]);
    expect(await list(`from=${inDays(32)}&to=${inDays(33)}`)).toEqual([]);
    // The afternoon of check-in day is inside [check-in, check-in + 1).
    expect(await list(`from=${inDays(29)}&to=${inDays(30)}`)).toEqual([]);
    expect(await list(`from=${inDays(30)}&to=${inDays(31)}`)).toEqual([created.body.booking.id]);
  });
});

describe("stays at a holiday home that needs approval", () => {
  test("a member's stay is pending, blocks the room, and the admin confirms it", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 2);
    const member = await activeUser(call);
    const body = {
      offeringId,
      resourceIds: [resourceIds[0]],
      checkIn: inDays(30),
      checkOut: inDays(33),
      guests: 2,
    };
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body,
    });
    expect(created.status).toBe(201);
    expect(created.body.booking).toMatchObject({
      status: "pending",
      price: { amount: 3 * 4500 + 2 * 3 * 500 },
    });

    const overlap = await call("POST", "/bookings", {
      token: owner,
      body: { ...body, checkIn: inDays(32), checkOut: inDays(35) },
    });
    expect(overlap.status).toBe(409);
    expect(errorEnvelopeSchema.parse(overlap.body).error).toMatchObject({
      code: "SLOT_UNAVAILABLE",
      details: { resourceIds: [resourceIds[0]] },
    });

    const nights = await call<{ nights: { date: string; freeResourceIds: string[] }[] }>(
      "GET",
      `/offerings/${offeringId}/availability?from=${inDays(30)}&to=${inDays(34)}`,
    );
    expect(
      nights.body.nights.map((night) => night.freeResourceIds.includes(resourceIds[0] ?? "")),
    ).toEqual([false, false, false, true]);

    const confirmed = await call<{ booking: Booking }>(
      "POST",
      `/bookings/${created.body.booking.id}/confirm`,
      { token: owner },
    );
    expect(confirmed.body.booking.status).toBe("confirmed");
    const byMember = await call("POST", `/bookings/${created.body.booking.id}/confirm`, {
      token: member.token,
    });
    expect(byMember.status).toBe(403);

    const detail = await call<{ history: { type: string; actor: unknown }[] }>(
      "GET",
      `/bookings/${created.body.booking.id}`,
      {
        token: member.token,
      },
    );
    expect(detail.body.history.map((entry) => entry.type)).toEqual([
      "BookingRequested",
      "BookingConfirmed",
    ]);
    expect(detail.body.history[0]?.actor).toEqual({ userId: member.id });
  });

  test("another member's booking is not found; cancelling frees the room", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const anna = await activeUser(call);
    const ben = await activeUser(call);
    const body = { offeringId, resourceIds, checkIn: inDays(60), checkOut: inDays(62), guests: 1 };
    const { body: created } = await call<{ booking: Booking }>("POST", "/bookings", {
      token: anna.token,
      body,
    });
    expect(
      (await call("GET", `/bookings/${created.booking.id}`, { token: ben.token })).status,
    ).toBe(404);
    expect(
      (await call("DELETE", `/bookings/${created.booking.id}`, { token: ben.token })).status,
    ).toBe(404);
    const listed = await call<{ items: Booking[] }>("GET", "/bookings", { token: ben.token });
    expect(listed.body.items.map((booking) => booking.id)).not.toContain(created.booking.id);

    const cancelled = await call<{ booking: Booking }>(
      "DELETE",
      `/bookings/${created.booking.id}`,
      { token: anna.token },
    );
    expect(cancelled.body.booking.status).toBe("cancelled");
    const again = await call("POST", "/bookings", { token: ben.token, body });
    expect(again.status).toBe(201);
  });

  test("business rules are 422 with the rule's name", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const tooLong = await call("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: inDays(10), checkOut: inDays(30), guests: 1 },
    });
    expect(tooLong.status).toBe(422);
    expect(errorEnvelopeSchema.parse(tooLong.body).error.details).toEqual({ rule: "MAX_NIGHTS" });
    const tooMany = await call("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: inDays(10), checkOut: inDays(11), guests: 5 },
    });
    expect(errorEnvelopeSchema.parse(tooMany.body).error.details).toEqual({ rule: "CAPACITY" });
    const backwards = await call("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: inDays(11), checkOut: inDays(10), guests: 1 },
    });
    expect(backwards.status).toBe(400);
  });
});

describe("slots at a workshop", () => {
  test("a guest holds a slot without naming a bay, submits it, and manages it with the token", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "slot", 2);
    const start = weekdayAt10(7);
    const guest = { name: "Carla Gast", email: "carla@example.org", phone: "+49 170 1234567" };
    const held = await call<{ booking: Booking; manageToken: string }>("POST", "/holds", {
      body: { offeringId, start, guests: 1, guest },
    });
    expect(held.status).toBe(201);
    expect(held.body.booking.status).toBe("held");
    expect(held.body.booking.holdExpiresAt).toEqual(expect.any(String));
    expect(resourceIds).toContain(held.body.booking.resourceIds[0]);
    const token = held.body.manageToken;

    const submitted = await call<{ booking: Booking }>("POST", "/bookings", {
      body: { holdId: held.body.booking.id },
      headers: { "X-Booking-Token": token },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.booking).toMatchObject({ id: held.body.booking.id, status: "confirmed" });
    const twice = await call("POST", "/bookings", {
      body: { holdId: held.body.booking.id },
      headers: { "X-Booking-Token": token },
    });
    expect(twice.status).toBe(409);

    const own = await call("GET", `/bookings/${held.body.booking.id}`, {
      headers: { "X-Booking-Token": token },
    });
    expect(own.status).toBe(200);
    const second = await call<{ booking: Booking }>("POST", "/bookings", {
      body: { offeringId, start, guests: 1, guest: { ...guest, email: "dora@example.org" } },
    });
    expect(second.status).toBe(201);
    expect(second.body.booking.resourceIds).not.toEqual(held.body.booking.resourceIds);
    const other = await call("GET", `/bookings/${second.body.booking.id}`, {
      headers: { "X-Booking-Token": token },
    });
    expect(other.status).toBe(404);

    const third = await call("POST", "/bookings", {
      body: { offeringId, start, guests: 1, guest },
    });
    expect(third.status).toBe(409);
    expect(errorEnvelopeSchema.parse(third.body).error.code).toBe("SLOT_UNAVAILABLE");

    const slots = await call<{ slots: { start: string }[] }>(
      "GET",
      `/offerings/${offeringId}/slots?date=${start.slice(0, 10)}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots.map((slot) => slot.start)).not.toContain(start);
  });

  test("a guest is required without login and refused with it; off-grid starts are 422", async () => {
    const owner = await ownerToken(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const start = weekdayAt10(7);
    expect(
      (await call("POST", "/bookings", { body: { offeringId, start, guests: 1 } })).status,
    ).toBe(400);
    const member = await activeUser(call);
    const withGuest = await call("POST", "/bookings", {
      token: member.token,
      body: {
        offeringId,
        start,
        guests: 1,
        guest: { name: "X", email: "x@example.org", phone: "+49 1" },
      },
    });
    expect(withGuest.status).toBe(400);
    const offGrid = await call("POST", "/bookings", {
      token: member.token,
      body: {
        offeringId,
        start: new Date(Date.parse(start) + 7 * 60_000).toISOString(),
        guests: 1,
      },
    });
    expect(offGrid.status).toBe(422);
    expect(errorEnvelopeSchema.parse(offGrid.body).error.details).toEqual({ rule: "OFF_GRID" });
  });
});

describe("Idempotency-Key", () => {
  test("a replay answers the first result; another body under the key is 422", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const body = { offeringId, resourceIds, checkIn: inDays(90), checkOut: inDays(91), guests: 1 };
    const headers = { "Idempotency-Key": "order-42" };
    const first = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body,
      headers,
    });
    const replay = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body,
      headers,
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const other = await call("POST", "/bookings", {
      token: member.token,
      body: { ...body, guests: 2 },
      headers,
    });
    expect(other.status).toBe(422);
    expect(errorEnvelopeSchema.parse(other.body).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const tooLong = await call("POST", "/bookings", {
      token: member.token,
      body,
      headers: { "Idempotency-Key": "k".repeat(201) },
    });
    expect(tooLong.status).toBe(400);
  });

  test("simultaneous requests with one key create one booking", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const body = {
      offeringId,
      resourceIds,
      checkIn: inDays(120),
      checkOut: inDays(121),
      guests: 1,
    };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        call<{ booking: Booking }>("POST", "/bookings", {
          token: member.token,
          body,
          headers: { "Idempotency-Key": "same" },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((response) => response.body.booking.id)).size).toBe(1);
    const { rows } = await server().deps.database.pool.query(
      "SELECT count(*)::int AS n FROM bookings WHERE offering_id = $1",
      [offeringId],
    );
    expect(rows[0].n).toBe(1);
  });
});

/** A workshop service asking a required licence plate and an optional mileage. */
async function serviceWithQuestions(owner: string): Promise<string> {
  return (await slotServiceWithQuestions(call, owner)).offeringId;
}

describe("rescheduling, quotes and a guest's erasure", () => {
  test("a hold taken before the form is filled in gets its answers with the submission", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const offeringId = await serviceWithQuestions(owner);
    const hold = await call<{ booking: Booking }>("POST", "/holds", {
      token: member.token,
      body: { offeringId, start: weekdayAt10(10), guests: 1 },
    });
    expect(hold.status).toBe(201);
    const holdId = hold.body.booking.id;
    const missing = await call("POST", "/bookings", { token: member.token, body: { holdId } });
    expect(missing.status).toBe(400);
    const submitted = await call<{ booking: Booking & { answers: Record<string, unknown> } }>(
      "POST",
      "/bookings",
      { token: member.token, body: { holdId, answers: { plate: "HH-XY 9" } } },
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body.booking.status).toBe("confirmed");
    expect(submitted.body.booking.answers).toEqual({ plate: "HH-XY 9" });
  });

  test("a quote prices a stay like the booking; moving the stay frees the old nights in the same step", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const stay = { offeringId, resourceIds, checkIn: inDays(70), checkOut: inDays(72), guests: 3 };
    const quoted = await call<{ price: { amount: number; lines: unknown[] } }>("POST", "/quotes", {
      body: stay,
    });
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: stay,
    });
    expect(quoted.body.price.amount).toBe(created.body.booking.price.amount);
    expect(quoted.body.price.lines.length).toBeGreaterThan(0);

    const moved = await call<{ booking: Booking & { checkIn: string } }>(
      "PATCH",
      `/bookings/${created.body.booking.id}`,
      {
        token: member.token,
        body: { checkIn: inDays(80), checkOut: inDays(82) },
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.booking.checkIn).toBe(inDays(80));
    expect((await call("POST", "/bookings", { token: owner, body: stay })).status).toBe(201);
    const clash = await call("POST", "/bookings", {
      token: owner,
      body: { ...stay, checkIn: inDays(81), checkOut: inDays(83) },
    });
    expect(clash.status).toBe(409);
  });

  test("a booking confirmed at creation says so in its history: requested, then confirmed by the system", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, start: weekdayAt10(6), guests: 1 },
    });
    expect(created.body.booking.status).toBe("confirmed");
    const read = await call<{ history: { type: string; actor: unknown }[] }>(
      "GET",
      `/bookings/${created.body.booking.id}`,
      { token: member.token },
    );
    expect(read.body.history).toEqual([
      expect.objectContaining({ type: "BookingRequested", actor: { userId: member.id } }),
      expect.objectContaining({ type: "BookingConfirmed", actor: { system: true } }),
    ]);
  });

  test("PATCH is one change: answers with a move apply together, or nothing applies", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const offeringId = await serviceWithQuestions(owner);
    const created = await call<{ booking: Booking & { answers: Record<string, unknown> } }>(
      "POST",
      "/bookings",
      {
        token: member.token,
        body: {
          offeringId,
          start: weekdayAt10(8),
          guests: 1,
          answers: { plate: "KI-AB 1" },
        },
      },
    );
    expect(created.status).toBe(201);
    const id = created.body.booking.id;
    const path = `/bookings/${id}`;
    const before = await call<{ booking: Record<string, unknown> }>("GET", path, {
      token: member.token,
    });

    // A valid move with an answer of the wrong type: refused as a whole, nothing recorded.
    const refused = await call("PATCH", path, {
      token: member.token,
      body: { start: weekdayAt10(9), notes: "new notes", answers: { plate: "X", mileage: "far" } },
    });
    expect(refused.status).toBe(400);
    const unchanged = await call<{ booking: Record<string, unknown>; history: unknown[] }>(
      "GET",
      path,
      { token: member.token },
    );
    expect(unchanged.body.booking).toEqual(before.body.booking);

    const changed = await call<{
      booking: Booking & { answers: Record<string, unknown>; start: string };
    }>("PATCH", path, {
      token: member.token,
      body: {
        start: weekdayAt10(9),
        notes: "new notes",
        answers: { plate: "KI-CD 2", mileage: 12000 },
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.booking.start).toBe(weekdayAt10(9));
    expect(changed.body.booking.notes).toBe("new notes");
    expect(changed.body.booking.answers).toEqual({ plate: "KI-CD 2", mileage: 12000 });
    const after = await call<{ booking: { version: number } }>("GET", path, {
      token: member.token,
    });
    const beforeVersion = before.body.booking.version as number;
    // Both parts in one append: the stream grew by the reschedule and the edit together.
    expect(after.body.booking.version).toBe(beforeVersion + 2);
  });

  test("a quote refuses what the booking would refuse, with the same rule", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const refusals = [
      { guests: 21, checkIn: inDays(70), checkOut: inDays(72) },
      { guests: 2, checkIn: inDays(70), checkOut: inDays(70 + 30) },
      { guests: 2, checkIn: inDays(-3), checkOut: inDays(-1) },
    ];
    for (const body of refusals) {
      const stay = { offeringId, resourceIds, ...body };
      const quoted = await call<{ error: { code: string; details: { rule: string } } }>(
        "POST",
        "/quotes",
        { body: stay },
      );
      const booked = await call<{ error: { code: string; details: { rule: string } } }>(
        "POST",
        "/bookings",
        { token: owner, body: stay },
      );
      expect(booked.status).toBe(422);
      expect({ status: quoted.status, error: quoted.body.error.details }).toEqual({
        status: 422,
        error: booked.body.error.details,
      });
    }
    const slot = await venueWithOffering(call, owner, "slot", 1);
    const slotQuote = await call<{ error: { details: { rule: string } } }>("POST", "/quotes", {
      body: { offeringId: slot.offeringId, guests: 21 },
    });
    expect(slotQuote.status).toBe(422);
    expect(slotQuote.body.error.details.rule).toBe("GUESTS");
  });

  test.each([
    ["an admin", 10],
    ["the guest with the booking's own token", 11],
  ])(
    "%s erases a guest's data: no table, no stored answer holds it in clear, the booking stays",
    async (by, days) => {
      const owner = await ownerToken(call);
      const { venueId, offeringId } = await slotServiceWithQuestions(call, owner);
      const unique = `${days}-${Date.now()}`;
      const guest = {
        name: `Greta Unique-Guest ${unique}`,
        email: `greta.${unique}@example.org`,
        phone: `+49 151 ${unique.replace("-", " ")}`,
      };
      const notes = `Greta's note ${unique}`;
      const plate = `HH-GR ${unique}`;
      // Anonymous, with a key: the stored answer (scope: the client's address) holds the
      // guest's contact, notes, answers and the manage token.
      const created = await call<{ booking: Booking; manageToken: string }>("POST", "/bookings", {
        headers: { "Idempotency-Key": `guest-${unique}` },
        body: {
          offeringId,
          start: weekdayAt10(days),
          guests: 1,
          guest,
          notes,
          answers: { plate, mileage: 12345 },
        },
      });
      expect(created.status).toBe(201);
      const { booking, manageToken } = created.body;
      const secrets = [guest.name, guest.email, guest.phone, notes, plate, manageToken];
      const pool = server().deps.database.pool;
      // The confirmation went out: the outbox table and its directory hold the guest too.
      const { dataDir } = server().deps.config;
      await mailIn(dataDir, (mail) => recipientsOf(mail).includes(guest.email));
      const places = { places: [outboxPlace(dataDir)] };
      expect(
        (await scanForPersonalData(pool, secrets, places)).map((found) => found.place),
      ).toEqual(
        expect.arrayContaining([
          "public.bookings.data",
          "public.idempotency_keys.response",
          "public.notifications.recipient",
          "public.notifications.message",
          "outbox .eml files",
        ]),
      );

      const erased = await call<{
        booking: Booking & { bookedBy: { guest: Record<string, string> } };
      }>(
        "DELETE",
        `/bookings/${booking.id}/guest`,
        by === "an admin" ? { token: owner } : { headers: { "X-Booking-Token": manageToken } },
      );
      expect(erased.status).toBe(200);
      expect(erased.body.booking.bookedBy.guest).toEqual({
        name: "[erased]",
        email: "[erased]",
        phone: "[erased]",
      });

      expect(await scanForPersonalData(pool, secrets, places)).toEqual([]);
      const kept = {
        status: "confirmed",
        price: booking.price,
        start: booking.start,
        end: booking.end,
      };
      const one = await call<{ booking: Booking }>("GET", `/bookings/${booking.id}`, {
        token: owner,
      });
      const listed = await call<{ items: Booking[] }>("GET", `/bookings?venueId=${venueId}`, {
        token: owner,
      });
      expect(listed.body.items).toHaveLength(1);
      for (const view of [erased.body.booking, one.body.booking, listed.body.items[0]]) {
        expect(view).toMatchObject({ ...kept, notes: "[erased]" });
        expect(view).not.toHaveProperty("answers");
        expect(JSON.stringify(view)).not.toContain("Greta");
      }
    },
  );

  test("the statistics are the same after a guest's erasure: the booking still counts", async () => {
    const owner = await ownerToken(call);
    const { venueId, offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const created = await call<{ booking: Booking; manageToken: string }>("POST", "/bookings", {
      body: {
        offeringId,
        start: weekdayAt10(12),
        guests: 1,
        guest: { name: "Sven Statistik", email: "sven@example.org", phone: "+49 30 2" },
      },
    });
    expect(created.status).toBe(201);
    const { booking, manageToken } = created.body;
    expect(booking.status).toBe("confirmed");
    expect(booking.price.amount).toBeGreaterThan(0);
    const statistics = () => monthlyStatistics(call, server().url, owner, venueId, booking.start);
    const before = await statistics();
    expect(monthOf(before, booking.start)).toMatchObject({
      bookings: 1,
      confirmed: 1,
      guests: 1,
      revenue: booking.price.amount,
    });

    const erased = await call("DELETE", `/bookings/${booking.id}/guest`, {
      headers: { "X-Booking-Token": manageToken },
    });
    expect(erased.status).toBe(200);

    expect(await statistics()).toEqual(before);
  });

  test("a member's notes are stored encrypted under their key; a booking without any stores nothing personal", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const book = async (checkIn: number, extra: Record<string, unknown>) => {
      const created = await call<{ booking: Booking }>("POST", "/bookings", {
        token: member.token,
        body: {
          offeringId,
          resourceIds,
          checkIn: inDays(checkIn),
          checkOut: inDays(checkIn + 1),
          guests: 1,
          ...extra,
        },
      });
      expect(created.status).toBe(201);
      const { rows } = await server().deps.database.pool.query(
        "SELECT subject_id, personal_fields, data::text AS data FROM eventstore_events WHERE stream_id = $1",
        [`booking-${created.body.booking.id}`],
      );
      return { booking: created.body.booking, event: rows[0] };
    };
    const plain = await book(110, {});
    expect(plain.event.subject_id).toBeNull();
    expect(plain.event.personal_fields).toBeNull();

    const noted = await book(112, { notes: "Marta's unique note" });
    expect(noted.event.subject_id).toBe(member.id);
    expect(noted.event.personal_fields).toEqual(["notes"]);
    expect(noted.event.data).not.toContain("Marta's unique note");
    expect(noted.booking.notes).toBe("Marta's unique note");
  });

  test("REST's direct create answers what the tRPC procedure answers", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const body = (checkIn: number) => ({
      offeringId,
      resourceIds,
      checkIn: inDays(checkIn),
      checkOut: inDays(checkIn + 2),
      guests: 2,
      notes: "late arrival",
    });
    const rest = await call<{ booking: Record<string, unknown> }>("POST", "/bookings", {
      token: member.token,
      body: body(120),
    });
    expect(rest.status).toBe(201);
    const trpc = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server().url}/trpc`,
          transformer,
          headers: { Authorization: `Bearer ${member.token}` },
        }),
      ],
    });
    const viaTrpc = await trpc.bookings.create.mutate({ booking: body(130) });
    expect(createdBookingSchema.parse(rest.body)).toEqual(rest.body);
    const differing = ["id", "start", "end", "checkIn", "checkOut", "createdAt", "updatedAt"];
    const comparable = (booking: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(booking).filter(([key]) => !differing.includes(key)));
    expect(comparable(rest.body.booking)).toEqual(comparable(viaTrpc.booking));
    expect(Object.keys(rest.body.booking).sort()).toEqual(Object.keys(viaTrpc.booking).sort());
  });
});
