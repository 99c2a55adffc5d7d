import { describe, expect, test } from "vitest";
import { activeUser, newPerson, ownerToken } from "../../test/accounts.ts";
import { inDays, weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { caughtUp } from "../../test/projections.ts";
import { testOwner, useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

type Booking = { id: string; status: string; start: string };

/** The outbox rows about a booking, once the reactor has seen every event. */
async function owedFor(filter: { bookingId?: string; userId?: string }) {
  await caughtUp(server().url, "notifications");
  let query = server()
    .deps.database.db.selectFrom("notifications")
    .select(["kind", "recipient", "user_id", "language", "status", "due_at", "message_id"])
    .orderBy("created_at")
    .orderBy("kind");
  if (filter.bookingId) query = query.where("booking_id", "=", filter.bookingId);
  if (filter.userId) query = query.where("user_id", "=", filter.userId);
  return query.execute();
}

describe("the notifications reactor", () => {
  test("a stay that needs approval: staff hear of the request, the member of the confirmation, with a reminder 24 h before; a cancellation drops it", async () => {
    const owner = await ownerToken(call);
    const admin = await activeUser(call, "admin");
    const member = await activeUser(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: inDays(30), checkOut: inDays(32), guests: 2 },
    });
    expect(created.body.booking.status).toBe("pending");
    const id = created.body.booking.id;

    const requested = await owedFor({ bookingId: id });
    expect(requested.map((row) => [row.kind, row.recipient])).toEqual(
      expect.arrayContaining([
        ["booking_requested", testOwner.email],
        ["booking_requested", admin.person.email],
      ]),
    );
    expect(requested.every((row) => row.kind === "booking_requested")).toBe(true);

    expect((await call("POST", `/bookings/${id}/confirm`, { token: owner })).status).toBe(200);
    const confirmed = await owedFor({ bookingId: id, userId: member.id });
    expect(confirmed.map((row) => row.kind)).toEqual(["booking_confirmed", "booking_reminder"]);
    const reminder = confirmed.find((row) => row.kind === "booking_reminder");
    const start = Date.parse(created.body.booking.start);
    expect(reminder?.due_at.getTime()).toBe(start - 24 * 3_600_000);
    // A venue in Germany, a member who chose no language: German.
    expect(confirmed.every((row) => row.language === "de")).toBe(true);

    expect(
      (await call("DELETE", `/bookings/${id}`, { token: member.token, body: {} })).status,
    ).toBe(200);
    const after = await owedFor({ bookingId: id, userId: member.id });
    expect(after.map((row) => [row.kind, row.status])).toEqual([
      ["booking_confirmed", expect.any(String)],
      ["booking_reminder", "cancelled"],
      ["booking_cancelled", expect.any(String)],
    ]);
    // Each mail its own Message-ID.
    const ids = (await owedFor({ bookingId: id })).map((row) => row.message_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a guest's slot at a venue without approval: the guest is told in the language of the booking; a move reschedules the reminder", async () => {
    const owner = await ownerToken(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const guest = {
      name: "Jo Guest",
      email: newPerson("guest").email,
      phone: "+49 30 1",
      language: "en",
    };
    const created = await call<{ booking: Booking; manageToken: string }>("POST", "/bookings", {
      body: { offeringId, start: weekdayAt10(10), guests: 1, guest },
    });
    expect(created.body.booking.status).toBe("confirmed");
    const id = created.body.booking.id;
    const first = await owedFor({ bookingId: id });
    expect(first.map((row) => [row.kind, row.recipient, row.user_id, row.language])).toEqual([
      ["booking_confirmed", guest.email, null, "en"],
      ["booking_reminder", guest.email, null, "en"],
    ]);

    const newStart = weekdayAt10(20);
    const moved = await call<{ booking: Booking }>("PATCH", `/bookings/${id}`, {
      headers: { "X-Booking-Token": created.body.manageToken },
      body: { start: newStart },
    });
    expect(moved.status).toBe(200);
    const rows = await owedFor({ bookingId: id });
    const reminders = rows.filter((row) => row.kind === "booking_reminder");
    expect(reminders.map((row) => row.status)).toEqual(["cancelled", "pending"]);
    expect(reminders[1]?.due_at.getTime()).toBe(Date.parse(newStart) - 24 * 3_600_000);
    expect(rows.filter((row) => row.kind === "booking_rescheduled")).toHaveLength(1);
  });

  test("an approved account is told so, in the language chosen at registration", async () => {
    const owner = await ownerToken(call);
    const person = newPerson("approved");
    const registered = await call<{ user: { id: string } }>("POST", "/auth/register", {
      body: { ...person, language: "en" },
    });
    expect(registered.status).toBe(201);
    const userId = registered.body.user.id;
    expect((await call("POST", `/users/${userId}/approve`, { token: owner })).status).toBe(200);
    const rows = await owedFor({ userId });
    expect(rows.map((row) => [row.kind, row.recipient, row.language])).toEqual([
      ["account_approved", person.email, "en"],
    ]);
  });
});
