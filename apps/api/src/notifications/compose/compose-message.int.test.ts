import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import type { Insertable, Selectable } from "kysely";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../../test/accounts.ts";
import { inDays, weekdayAt10 } from "../../../test/booking-dates.ts";
import { venueWithOffering } from "../../../test/catalog-fixtures.ts";
import { restClient } from "../../../test/http-client.ts";
import { testOwner, useTestServer } from "../../../test/test-server.ts";
import type { NotificationsTable } from "../../db/schema.ts";
import { composeMessage } from "./compose-message.ts";
import { NotificationNotComposableError } from "./not-composable.ts";

const publicUrl = "https://booking.example.org";
const mailFrom = "booking@example.org";
const server = useTestServer({ env: { PUBLIC_URL: publicUrl, MAIL_FROM: mailFrom } });
const call = restClient(() => server().url);

type Booking = { id: string; status: string; start: string; end: string; version: number };

/** An outbox row as the reactor writes it; kept out of the sender's way (not pending). */
async function notificationRow(
  values: Partial<Insertable<NotificationsTable>> &
    Pick<Insertable<NotificationsTable>, "kind" | "recipient">,
): Promise<Selectable<NotificationsTable>> {
  const eventId = randomUUID();
  const now = new Date();
  return server()
    .deps.database.db.insertInto("notifications")
    .values({
      id: randomUUID(),
      event_id: eventId,
      language: "en",
      message_id: `<${values.kind.replaceAll("_", "-")}.${eventId}.test@example.org>`,
      status: "cancelled",
      due_at: now,
      next_attempt_at: now,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function compose(row: Selectable<NotificationsTable>) {
  const composed = await composeMessage(server().deps, row);
  expect(composed.messageId).toBe(row.message_id);
  expect(composed.envelope).toEqual({ from: mailFrom, to: row.recipient });
  // CRLF everywhere, nothing but ASCII (headers and bodies are encoded).
  expect(composed.raw).not.toMatch(/[^\r]\n/);
  expect(composed.raw).toMatch(/^[\x20-\x7e\r\n\t]*$/);
  const mail = await simpleParser(composed.raw);
  expect(mail.messageId).toBe(row.message_id);
  expect(mail.headers.get("content-language")).toBe(row.language);
  expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  expect(mail.date).toBeInstanceOf(Date);
  expect(addressesOf(mail.to)).toEqual([row.recipient]);
  expect(mail.from?.value[0]?.address).toBe(mailFrom);
  return {
    composed,
    mail,
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
  };
}

function addressesOf(to: AddressObject | AddressObject[] | undefined): string[] {
  return [to ?? []].flat().flatMap((group) => group.value.map((address) => address.address ?? ""));
}

/** The text/calendar alternative, parsed: METHOD, the one VEVENT and its zone. */
function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
  if (!part) return undefined;
  const type = part.headers.get("content-type") as { params: Record<string, string> };
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  const start = event.getFirstProperty("dtstart");
  return {
    contentTypeMethod: type.params.method,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    tzid: start?.getParameter("tzid"),
    vtimezone: calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid"),
    // "mailto:" is case-insensitive (ical-generator writes "MAILTO:").
    organizer: String(event.getFirstPropertyValue("organizer")).toLowerCase(),
    attendee: String(event.getFirstPropertyValue("attendee")).toLowerCase(),
    startUtc: (start?.getFirstValue() as ICAL.Time | undefined)?.toJSDate().toISOString(),
  };
}

async function userIdOf(token: string): Promise<string> {
  return (await call<{ user: { id: string } }>("GET", "/me", { token })).body.user.id;
}

describe("a member's slot at a workshop that confirms at once", () => {
  test("the confirmation: headers, both parts, the member's link and a calendar invitation", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const start = weekdayAt10(20);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, start, guests: 1, notes: "Rattles <loudly> & often" },
    });
    expect(created.status).toBe(201);
    const booking = created.body.booking;
    // Requested, then confirmed by the system: the confirmation is version 2.
    expect(booking).toMatchObject({ status: "confirmed", version: 2 });

    const row = await notificationRow({
      kind: "booking_confirmed",
      booking_id: booking.id,
      booking_version: 2,
      user_id: member.id,
      recipient: member.person.email,
    });
    const { mail, text, html } = await compose(row);
    expect(mail.from?.value[0]?.name).toBe("Werkstatt Müller");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.name : "").toBe(
      member.person.name,
    );
    expect(mail.subject).toMatch(
      /^Booking confirmed: Inspection, \w{3} \d{1,2} \w{3} \d{4}, 10:00$/,
    );
    expect(text).toContain(`Hello ${member.person.name},`);
    expect(text).toContain("Thank you for your booking at Werkstatt Müller. It is confirmed.");
    expect(text).toMatch(/When: +\w{3} \d{1,2} \w{3} \d{4}, 10:00–11:00 \(Europe\/Berlin time\)/);
    expect(text).toContain(`${publicUrl}/bookings/${booking.id}`);
    expect(html).toContain(`href="${publicUrl}/bookings/${booking.id}"`);
    expect(html).toContain("Thank you for your booking at Werkstatt Müller.");

    const calendar = calendarOf(mail);
    expect(calendar).toMatchObject({
      contentTypeMethod: "REQUEST",
      method: "REQUEST",
      uid: booking.id,
      sequence: 2,
      status: "CONFIRMED",
      tzid: "Europe/Berlin",
      vtimezone: "Europe/Berlin",
      organizer: `mailto:${mailFrom}`,
      attendee: `mailto:${member.person.email}`,
      startUtc: new Date(start).toISOString(),
    });
    // Also as a file, for programs that do not read the alternative.
    expect(mail.attachments.some((part) => part.filename === "booking.ics")).toBe(true);

    // The reminder for the same booking, in German.
    const reminder = await notificationRow({
      kind: "booking_reminder",
      booking_id: booking.id,
      booking_version: 2,
      user_id: member.id,
      recipient: member.person.email,
      language: "de",
    });
    const reminded = await compose(reminder);
    expect(reminded.mail.subject).toMatch(/^Erinnerung: Inspection, .+, 10:00 Uhr$/);
    expect(reminded.text).toContain(
      "wir möchten Sie an Ihren Termin bei Werkstatt Müller erinnern",
    );
    expect(reminded.text).toMatch(/10:00–11:00 Uhr \(Zeitzone Europe\/Berlin\)/);
    expect(calendarOf(reminded.mail)).toMatchObject({ method: "REQUEST", uid: booking.id });
  });
});

describe("a guest's booking", () => {
  test("the confirmation carries a manage link that opens the booking, names are escaped", async () => {
    const owner = await ownerToken(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const guest = {
      name: "<b>O'Brien & Co</b>",
      email: "obrien@example.org",
      phone: "+49 30 555000",
    };
    const created = await call<{ booking: Booking; manageToken: string }>("POST", "/bookings", {
      body: { offeringId, start: weekdayAt10(20), guests: 1, guest },
    });
    expect(created.status).toBe(201);
    const booking = created.body.booking;

    const row = await notificationRow({
      kind: "booking_confirmed",
      booking_id: booking.id,
      booking_version: booking.version,
      user_id: null,
      recipient: guest.email,
    });
    const { text, html, mail } = await compose(row);
    expect(text).toContain(`Hello ${guest.name},`);
    expect(html).toContain("Hello &lt;b&gt;O&#39;Brien &amp; Co&lt;/b&gt;,");
    expect(html).not.toContain("<b>");
    expect(calendarOf(mail)?.attendee).toBe(`mailto:${guest.email}`);

    const token = new RegExp(`${publicUrl}/manage/(\\S+)`).exec(text)?.[1];
    expect(token).toBeDefined();
    // A fresh token, not the one the creation answered, and it works.
    expect(token).not.toBe(created.body.manageToken);
    const opened = await call<{ booking: Booking }>("GET", `/bookings/${booking.id}`, {
      headers: { "X-Booking-Token": token ?? "" },
    });
    expect(opened.status).toBe(200);
    expect(opened.body.booking.id).toBe(booking.id);
    expect(html).toContain(`href="${publicUrl}/manage/${token}"`);

    // The guest cancels, with a reason: CANCEL with the same UID and the next SEQUENCE.
    const cancelled = await call<{ booking: Booking }>("DELETE", `/bookings/${booking.id}`, {
      headers: { "X-Booking-Token": created.body.manageToken },
      body: { reason: "My car is fixed <already>" },
    });
    expect(cancelled.status).toBe(200);
    const cancelRow = await notificationRow({
      kind: "booking_cancelled",
      booking_id: booking.id,
      booking_version: cancelled.body.booking.version,
      user_id: null,
      recipient: guest.email,
    });
    const withdrawn = await compose(cancelRow);
    expect(withdrawn.mail.subject).toMatch(/^Booking cancelled: Inspection, /);
    expect(withdrawn.text).toContain("As you asked, your booking has been cancelled.");
    expect(withdrawn.text).toContain("> My car is fixed <already>");
    expect(withdrawn.html).toContain("My car is fixed &lt;already&gt;");
    expect(calendarOf(withdrawn.mail)).toMatchObject({
      contentTypeMethod: "CANCEL",
      method: "CANCEL",
      uid: booking.id,
      sequence: cancelled.body.booking.version,
      status: "CANCELLED",
      tzid: "Europe/Berlin",
      vtimezone: "Europe/Berlin",
    });
  });
});

describe("a member's stay at a holiday home that needs approval", () => {
  test("staff get the request with a link to decide; a rejection in German names the reason", async () => {
    const owner = await ownerToken(call);
    const ownerId = await userIdOf(owner);
    const member = await activeUser(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: {
        offeringId,
        resourceIds,
        checkIn: inDays(30),
        checkOut: inDays(32),
        guests: 2,
        notes: "We arrive late.",
      },
    });
    expect(created.body.booking.status).toBe("pending");
    const id = created.body.booking.id;

    const request = await compose(
      await notificationRow({
        kind: "booking_requested",
        booking_id: id,
        booking_version: 1,
        user_id: ownerId,
        recipient: testOwner.email,
      }),
    );
    expect(request.mail.subject).toMatch(/^Booking request: Zimmer, /);
    expect(request.text).toContain(
      `${member.person.name} would like to book Zimmer at Ferienhaus am See.`,
    );
    expect(request.text).toMatch(new RegExp(`E-mail: +${member.person.email}`));
    expect(request.text).toContain("> We arrive late.");
    expect(request.text).toMatch(
      /Check-in: +\w{3} \d{1,2} \w{3} \d{4}, from 15:00 \(Europe\/Berlin time\)/,
    );
    expect(request.text).toMatch(
      /Check-out: +\w{3} \d{1,2} \w{3} \d{4}, by 10:00 \(Europe\/Berlin time\)/,
    );
    expect(request.text).toContain(`${publicUrl}/admin/bookings/${id}`);
    expect(request.mail.attachments).toEqual([]);

    const rejected = await call<{ booking: Booking }>("POST", `/bookings/${id}/reject`, {
      token: owner,
      body: { reason: "Das Haus wird renoviert." },
    });
    expect(rejected.status).toBe(200);
    const rejection = await compose(
      await notificationRow({
        kind: "booking_rejected",
        booking_id: id,
        booking_version: rejected.body.booking.version,
        user_id: member.id,
        recipient: member.person.email,
        language: "de",
      }),
    );
    expect(rejection.mail.headers.get("content-language")).toBe("de");
    expect(rejection.mail.subject).toMatch(/^Buchungsanfrage abgelehnt: Zimmer, /);
    expect(rejection.text).toContain(`Hallo ${member.person.name},`);
    expect(rejection.text).toContain(
      "leider kann Ferienhaus am See Ihre Buchungsanfrage nicht annehmen.",
    );
    expect(rejection.text).toContain("Begründung:\n> Das Haus wird renoviert.");
    expect(rejection.text).toMatch(
      /Anreise: +\w{2}\., \d{1,2}\. .+ \d{4}, ab 15:00 Uhr \(Zeitzone Europe\/Berlin\)/,
    );
    expect(rejection.html).toContain("Das Haus wird renoviert.");
    expect(rejection.text).toContain(`${publicUrl}/bookings/${id}`);
    expect(rejection.mail.attachments).toEqual([]);
  });

  test("a move beyond what was confirmed says it must be confirmed again; older versions stay as they were", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: inDays(40), checkOut: inDays(42), guests: 2 },
    });
    const id = created.body.booking.id;
    expect((await call("POST", `/bookings/${id}/confirm`, { token: owner })).status).toBe(200);
    const moved = await call<{ booking: Booking }>("PATCH", `/bookings/${id}`, {
      token: member.token,
      body: { checkOut: inDays(43) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ status: "pending", version: 3 });

    const rescheduled = await compose(
      await notificationRow({
        kind: "booking_rescheduled",
        booking_id: id,
        booking_version: 3,
        user_id: member.id,
        recipient: member.person.email,
      }),
    );
    expect(rescheduled.mail.subject).toMatch(/^Booking changed: Zimmer, /);
    expect(rescheduled.text).toContain("Your booking has been changed as you asked.");
    expect(rescheduled.text).toMatch(/Nights: +3\n/);
    expect(rescheduled.text).toContain("Ferienhaus am See has to confirm the booking again");
    expect(calendarOf(rescheduled.mail)).toMatchObject({
      method: "REQUEST",
      uid: id,
      sequence: 3,
      status: "TENTATIVE",
    });

    // The confirmation owed by version 2, composed only now: two nights, as then.
    const confirmation = await compose(
      await notificationRow({
        kind: "booking_confirmed",
        booking_id: id,
        booking_version: 2,
        user_id: member.id,
        recipient: member.person.email,
      }),
    );
    expect(confirmation.text).toContain("Good news: Ferienhaus am See has confirmed your booking.");
    expect(confirmation.text).toMatch(/Nights: +2\n/);
    expect(calendarOf(confirmation.mail)).toMatchObject({ sequence: 2, status: "CONFIRMED" });
  });
});

describe("accounts and rows that cannot become mails", () => {
  test("an approved account gets a link to log in, from the bare sender address", async () => {
    const member = await activeUser(call);
    const { mail, text, html } = await compose(
      await notificationRow({
        kind: "account_approved",
        user_id: member.id,
        recipient: member.person.email,
      }),
    );
    expect(mail.subject).toBe("Your account has been approved");
    expect(mail.from?.value[0]?.name).toBe("");
    expect(text).toContain(`Log in:\n${publicUrl}/login`);
    expect(html).toContain(`href="${publicUrl}/login"`);
    expect(mail.attachments).toEqual([]);
  });

  test("an erased address or a version the booking never had is refused for good", async () => {
    const member = await activeUser(call);
    const erased = await notificationRow({
      kind: "account_approved",
      user_id: member.id,
      recipient: null,
    });
    await expect(composeMessage(server().deps, erased)).rejects.toBeInstanceOf(
      NotificationNotComposableError,
    );
    const nowhere = await notificationRow({
      kind: "booking_confirmed",
      booking_id: randomUUID(),
      booking_version: 2,
      user_id: member.id,
      recipient: member.person.email,
    });
    await expect(composeMessage(server().deps, nowhere)).rejects.toThrow(/has no version 2/);
  });
});
