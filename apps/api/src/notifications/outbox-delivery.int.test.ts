import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { mailIn, readOutbox, recipientsOf } from "../../test/outbox.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

type Booking = { id: string; status: string };

describe("mail lands in the outbox directory", () => {
  test("a booking's confirmation arrives within seconds, once, with the headers of the contract and the booking as a calendar invitation", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, start: weekdayAt10(8), guests: 1 },
    });
    expect(created.body.booking.status).toBe("confirmed");
    const { dataDir } = server().deps.config;
    const isConfirmation = (mail: Awaited<ReturnType<typeof mailIn>>) =>
      recipientsOf(mail).includes(member.person.email) &&
      (mail.messageId ?? "").startsWith("<booking-confirmed.");
    const mail = await mailIn(dataDir, isConfirmation, 10_000);
    expect(mail.headers.get("content-language")).toBe("de");
    expect(mail.subject).toBeTruthy();
    expect(mail.text).toBeTruthy();
    expect(mail.html).toBeTruthy();
    const calendar = mail.attachments.find((part) => part.contentType.startsWith("text/calendar"));
    const ics = calendar?.content.toString("utf8") ?? "";
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${created.body.booking.id}`);
    expect(ics).toContain("TZID:Europe/Berlin");

    // Exactly once: the row is sent, one file has its Message-ID. The sender records the
    // delivery right after the file is in place, so the row may lag the file by a moment.
    const confirmationRows = () =>
      server()
        .deps.database.db.selectFrom("notifications")
        .select(["status", "message_id", "attempts"])
        .where("booking_id", "=", created.body.booking.id)
        .where("kind", "=", "booking_confirmed")
        .execute();
    await expect
      .poll(confirmationRows, { timeout: 5_000 })
      .toEqual([{ status: "sent", message_id: mail.messageId, attempts: 1 }]);
    const files = (await readOutbox(dataDir)).filter(
      ({ mail: each }) => each.messageId === mail.messageId,
    );
    expect(files).toHaveLength(1);

    // Its reminder waits for 24 h before the start; when that time comes (here: moved to
    // now, as the clock would), it goes out within seconds, with the invitation again.
    await server()
      .deps.database.db.updateTable("notifications")
      .set({ due_at: new Date(), next_attempt_at: new Date() })
      .where("booking_id", "=", created.body.booking.id)
      .where("kind", "=", "booking_reminder")
      .where("status", "=", "pending")
      .execute();
    const reminder = await mailIn(
      dataDir,
      (each) =>
        recipientsOf(each).includes(member.person.email) &&
        (each.messageId ?? "").startsWith("<booking-reminder."),
      10_000,
    );
    const invitation = reminder.attachments.find((part) =>
      part.contentType.startsWith("text/calendar"),
    );
    expect(invitation?.content.toString("utf8")).toContain(`UID:${created.body.booking.id}`);
  });

  test("a reminder after an edit carries the booking's current calendar SEQUENCE, not the confirmation's", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const created = await call<{ booking: Booking & { version: number } }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, start: weekdayAt10(9), guests: 1 },
    });
    expect(created.body.booking.status).toBe("confirmed");
    const { id } = created.body.booking;
    // The reminder is owed by the confirmation; the notes change after it (BookingEdited).
    const edited = await call<{ booking: { version: number } }>("PATCH", `/bookings/${id}`, {
      token: member.token,
      body: { notes: "Winter tyres, please" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.booking.version).toBeGreaterThan(created.body.booking.version);
    const ics = await call<string>("GET", `/bookings/${id}/ics`, { token: member.token });
    expect(ics.status).toBe(200);
    const current = sequenceOf(ics.body);
    expect(current).toBe(edited.body.booking.version);

    const due = await server()
      .deps.database.db.updateTable("notifications")
      .set({ due_at: new Date(), next_attempt_at: new Date() })
      .where("booking_id", "=", id)
      .where("kind", "=", "booking_reminder")
      .where("status", "=", "pending")
      .executeTakeFirst();
    expect(due.numUpdatedRows).toBe(1n);
    const reminder = await mailIn(
      server().deps.config.dataDir,
      (each) =>
        recipientsOf(each).includes(member.person.email) &&
        (each.messageId ?? "").startsWith("<booking-reminder."),
      10_000,
    );
    const invitation = reminder.attachments.find((part) =>
      part.contentType.startsWith("text/calendar"),
    );
    expect(sequenceOf(invitation?.content.toString("utf8") ?? "")).toBe(current);
  });
});

/** The SEQUENCE of the one VEVENT of an iCalendar text. */
function sequenceOf(calendar: string): number | undefined {
  const found = /^SEQUENCE:(\d+)\r?$/m.exec(calendar);
  return found ? Number(found[1]) : undefined;
}
