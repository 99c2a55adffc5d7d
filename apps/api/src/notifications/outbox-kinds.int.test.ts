import type { ParsedMail } from "mailparser";
import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { inDays, weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { mailIn, readOutbox, recipientsOf } from "../../test/outbox.ts";
import { testOwner, useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

type Booking = { id: string; status: string };

/** A mail of one kind (its Message-ID starts with the kind) to one address. */
interface Expected {
  kind: string;
  to: string;
  /** Further, e.g. which booking a staff mail is about. */
  about?: (mail: ParsedMail) => boolean;
}

function matches({ kind, to, about }: Expected) {
  return (mail: ParsedMail) =>
    recipientsOf(mail).includes(to) &&
    (mail.messageId ?? "").startsWith(`<${kind.replaceAll("_", "-")}.`) &&
    (about?.(mail) ?? true);
}

/** Waits for the mail in the outbox directory; checks its recipient and language. */
async function arrived(expected: Expected, language: "de" | "en", subject: RegExp) {
  const mail = await mailIn(server().deps.config.dataDir, matches(expected), 15_000);
  expect(recipientsOf(mail)).toEqual([expected.to]);
  expect(mail.headers.get("content-language")).toBe(language);
  expect(mail.subject).toMatch(subject);
  return mail;
}

/** Every expected mail is one file: no second file of the same kind to the same address. */
async function expectEachOnce(expectations: Expected[]) {
  const outbox = await readOutbox(server().deps.config.dataDir);
  for (const expected of expectations) {
    const files = outbox.filter(({ mail }) => matches(expected)(mail));
    expect(files, `${expected.kind} to ${expected.to}`).toHaveLength(1);
  }
}

describe("each kind of mail lands in the outbox directory of a running api", () => {
  test("requested (to owner and admins), confirmed, rejected with its reason, rescheduled, cancelled, account approved: once each, to the right person, in their language", async () => {
    const owner = await ownerToken(call);
    const admin = await activeUser(call, "admin");
    // The members chose English; the owner and the admin did not: they get the venue's
    // language (German, a venue in Germany).
    const accepted = await activeUser(call, "member", { language: "en" });
    const declined = await activeUser(call, "member", { language: "en" });
    const mover = await activeUser(call, "member", { language: "en" });
    const expectations: Expected[] = [];
    const expectMail = async (
      expected: Expected,
      language: "de" | "en",
      subject: RegExp,
    ): Promise<ParsedMail> => {
      expectations.push(expected);
      return arrived(expected, language, subject);
    };

    // Account approved: each member, once.
    await expectMail(
      { kind: "account_approved", to: accepted.person.email },
      "en",
      /^Your account has been approved$/,
    );

    // A holiday home that needs approval: a request goes to the owner and every admin.
    const house = await venueWithOffering(call, owner, "stay", 2);
    const request = async (token: string, room: number, from: number) => {
      const created = await call<{ booking: Booking }>("POST", "/bookings", {
        token,
        body: {
          offeringId: house.offeringId,
          resourceIds: [house.resourceIds[room]],
          checkIn: inDays(from),
          checkOut: inDays(from + 2),
          guests: 2,
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.booking.status).toBe("pending");
      return created.body.booking.id;
    };
    const toConfirm = await request(accepted.token, 0, 30);
    const toReject = await request(declined.token, 1, 30);
    for (const id of [toConfirm, toReject]) {
      for (const staff of [testOwner.email, admin.person.email]) {
        const mail = await expectMail(
          { kind: "booking_requested", to: staff, about: (each) => aboutBooking(each, id) },
          "de",
          /^Buchungsanfrage: /,
        );
        expect(mail.text).toContain(`/admin/bookings/${id}`);
      }
    }

    // The owner decides: one confirmed, one rejected with a reason the booker reads.
    const confirmed = await call("POST", `/bookings/${toConfirm}/confirm`, { token: owner });
    expect(confirmed.status).toBe(200);
    await expectMail(
      { kind: "booking_confirmed", to: accepted.person.email },
      "en",
      /^Booking confirmed: /,
    );
    const reason = "The house is closed for repairs that week";
    const rejected = await call("POST", `/bookings/${toReject}/reject`, {
      token: owner,
      body: { reason },
    });
    expect(rejected.status).toBe(200);
    const rejection = await expectMail(
      { kind: "booking_rejected", to: declined.person.email },
      "en",
      /^Booking request declined: /,
    );
    expect(rejection.text).toContain(reason);

    // A workshop that confirms at once: the member moves the slot, then cancels it.
    const workshop = await venueWithOffering(call, owner, "slot", 1);
    const created = await call<{ booking: Booking }>("POST", "/bookings", {
      token: mover.token,
      body: { offeringId: workshop.offeringId, start: weekdayAt10(8), guests: 1 },
    });
    expect(created.body.booking.status).toBe("confirmed");
    const slotId = created.body.booking.id;
    await expectMail(
      { kind: "booking_confirmed", to: mover.person.email },
      "en",
      /^Booking confirmed: /,
    );
    const moved = await call("PATCH", `/bookings/${slotId}`, {
      token: mover.token,
      body: { start: weekdayAt10(12) },
    });
    expect(moved.status).toBe(200);
    await expectMail(
      { kind: "booking_rescheduled", to: mover.person.email },
      "en",
      /^Booking changed: /,
    );
    const cancelled = await call("DELETE", `/bookings/${slotId}`, {
      token: mover.token,
      body: { reason: "The car is sold" },
    });
    expect(cancelled.status).toBe(200);
    const cancellation = await expectMail(
      { kind: "booking_cancelled", to: mover.person.email },
      "en",
      /^Booking cancelled: /,
    );
    const calendar = cancellation.attachments.find((part) =>
      part.contentType.startsWith("text/calendar"),
    );
    expect(calendar?.content.toString("utf8")).toContain("METHOD:CANCEL");

    // Nothing arrives twice: each of these is one file, once everything else is out too.
    await expect
      .poll(pendingMails, { timeout: 10_000 })
      .toEqual(expect.not.arrayContaining([expect.objectContaining({ due: "now" })]));
    await expectEachOnce([
      ...expectations,
      { kind: "account_approved", to: declined.person.email },
      { kind: "account_approved", to: mover.person.email },
      { kind: "account_approved", to: admin.person.email },
    ]);
  });
});

/** A staff mail about the booking: its link to the admin page names it. */
function aboutBooking(mail: ParsedMail, bookingId: string): boolean {
  return (mail.text ?? "").includes(`/admin/bookings/${bookingId}`);
}

/** The mails not yet sent, and whether they are due now or later (reminders). */
async function pendingMails() {
  const rows = await server()
    .deps.database.db.selectFrom("notifications")
    .select(["kind", "due_at"])
    .where("status", "=", "pending")
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    due: new Date(row.due_at).getTime() <= Date.now() ? "now" : "later",
  }));
}
