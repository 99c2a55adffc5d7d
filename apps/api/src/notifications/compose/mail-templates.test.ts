import { describe, expect, test } from "vitest";
import {
  accountFacts,
  bookingFacts,
  guestFacts,
  slotBooking,
  stayBooking,
} from "./compose-test-support.ts";
import type { MailDocument } from "./mail-document.ts";
import type { MailLanguage } from "./mail-language.ts";
import { writeMail } from "./mail-templates.ts";
import type { BookingFacts, NotificationFacts } from "./notification-facts.ts";
import { renderText } from "./render-text.ts";

const memberId = "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0005";
const adminId = "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0007";

function text(facts: NotificationFacts): { document: MailDocument; body: string } {
  const document = writeMail(facts);
  return { document, body: renderText(document) };
}

/** Each kind, in a typical situation, with what its mail must say in each language. */
const cases: {
  kind: string;
  facts: (language: MailLanguage) => NotificationFacts;
  en: { subject: string; says: string[] };
  de: { subject: string; says: string[] };
}[] = [
  {
    kind: "booking_requested",
    facts: (language) =>
      bookingFacts({
        language,
        kind: "booking_requested",
        audience: "staff",
        recipient: { email: "admin@example.org", name: "Ada Admin" },
        booking: { ...slotBooking, status: "pending", notes: "Please check the brakes too." },
        before: undefined,
        cause: { type: "BookingRequested", by: { userId: memberId } },
        bookingUrl: `https://booking.example.org/admin/bookings/${slotBooking.id}`,
      }),
    en: {
      subject: "Booking request: Inspection, Sat 12 Dec 2026, 10:00",
      says: [
        "Hello Ada Admin,",
        "Anna Schmidt would like to book Inspection at Werkstatt Müller.",
        "Booked by:     Anna Schmidt (member)",
        "E-mail:        anna@example.org",
        "Licence plate: B-AB 123",
        "> Please check the brakes too.",
        `Review and decide:\nhttps://booking.example.org/admin/bookings/${slotBooking.id}`,
      ],
    },
    de: {
      subject: "Buchungsanfrage: Inspection, Sa., 12. Dez. 2026, 10:00 Uhr",
      says: [
        "Hallo Ada Admin,",
        "Anna Schmidt möchte Inspection bei Werkstatt Müller buchen.",
        "Gebucht von:   Anna Schmidt (Mitglied)",
        "Anfrage prüfen und entscheiden:",
      ],
    },
  },
  {
    kind: "booking_confirmed",
    facts: (language) => bookingFacts({ language }),
    en: {
      subject: "Booking confirmed: Inspection, Sat 12 Dec 2026, 10:00",
      says: [
        "Good news: Werkstatt Müller has confirmed your booking.",
        "When:  Sat 12 Dec 2026, 10:00–11:00 (Europe/Berlin time)",
        "until Fri 11 Dec 2026, 10:00 (Europe/Berlin time)",
        `View your booking:\nhttps://booking.example.org/bookings/${slotBooking.id}`,
        "Kind regards\nWerkstatt Müller",
      ],
    },
    de: {
      subject: "Buchung bestätigt: Inspection, Sa., 12. Dez. 2026, 10:00 Uhr",
      says: [
        "gute Nachricht: Werkstatt Müller hat Ihre Buchung bestätigt.",
        "Wann:  Sa., 12. Dez. 2026, 10:00–11:00 Uhr (Zeitzone Europe/Berlin)",
        "Preis: 89,00\u00a0€",
        "Viele Grüße\nWerkstatt Müller",
      ],
    },
  },
  {
    kind: "booking_rejected",
    facts: (language) =>
      bookingFacts({
        language,
        kind: "booking_rejected",
        booking: { ...slotBooking, status: "rejected" },
        cause: { type: "BookingRejected", by: { userId: adminId } },
        reason: "We are closed for stocktaking.",
      }),
    en: {
      subject: "Booking request declined: Inspection, Sat 12 Dec 2026, 10:00",
      says: [
        "Werkstatt Müller cannot accept your booking request.",
        "Reason given:\n> We are closed for stocktaking.",
      ],
    },
    de: {
      subject: "Buchungsanfrage abgelehnt: Inspection, Sa., 12. Dez. 2026, 10:00 Uhr",
      says: [
        "leider kann Werkstatt Müller Ihre Buchungsanfrage nicht annehmen.",
        "Begründung:\n> We are closed for stocktaking.",
      ],
    },
  },
  {
    kind: "booking_cancelled",
    facts: (language) =>
      bookingFacts({
        language,
        kind: "booking_cancelled",
        booking: { ...slotBooking, status: "cancelled" },
        cause: { type: "BookingCancelled", by: { userId: adminId } },
        reason: "The lift is broken.",
      }),
    en: {
      subject: "Booking cancelled: Inspection, Sat 12 Dec 2026, 10:00",
      says: [
        "Werkstatt Müller has cancelled your booking.",
        "Reason given:\n> The lift is broken.",
        "remove the booking from your calendar",
      ],
    },
    de: {
      subject: "Buchung storniert: Inspection, Sa., 12. Dez. 2026, 10:00 Uhr",
      says: [
        "dass Werkstatt Müller Ihre Buchung storniert hat.",
        "Begründung:\n> The lift is broken.",
      ],
    },
  },
  {
    kind: "booking_rescheduled",
    facts: (language) =>
      bookingFacts({
        language,
        kind: "booking_rescheduled",
        booking: { ...stayBooking, status: "pending", version: 3 },
        before: { ...stayBooking, start: "2026-10-25T14:00:00.000Z", checkIn: "2026-10-25" },
        cause: { type: "BookingRescheduled", by: { userId: memberId } },
      }),
    en: {
      subject: "Booking changed: Inspection, 24 – 26 Oct 2026",
      says: [
        "Your booking has been changed as you asked.",
        "Check-in:   Sat 24 Oct 2026, from 15:00 (Europe/Berlin time)",
        "Check-out:  Mon 26 Oct 2026, by 10:00 (Europe/Berlin time)",
        "Nights:     2",
        "Previously: Sun 25 Oct 2026, 15:00 – Mon 26 Oct 2026, 10:00 (Europe/Berlin time)",
        "Guests:     2",
        "Werkstatt Müller has to confirm the booking again",
      ],
    },
    de: {
      subject: "Buchung geändert: Inspection, 24.–26. Okt. 2026",
      says: [
        "Anreise:  Sa., 24. Okt. 2026, ab 15:00 Uhr (Zeitzone Europe/Berlin)",
        "Abreise:  Mo., 26. Okt. 2026, bis 10:00 Uhr (Zeitzone Europe/Berlin)",
        "Bisher:   So., 25. Okt. 2026, 15:00 Uhr – Mo., 26. Okt. 2026, 10:00 Uhr",
        "muss Werkstatt Müller die Buchung erneut bestätigen",
      ],
    },
  },
  {
    kind: "booking_reminder",
    facts: (language) => bookingFacts({ language, kind: "booking_reminder" }),
    en: {
      subject: "Reminder: Inspection, Sat 12 Dec 2026, 10:00",
      says: ["a short reminder of your appointment at Werkstatt Müller"],
    },
    de: {
      subject: "Erinnerung: Inspection, Sa., 12. Dez. 2026, 10:00 Uhr",
      says: ["wir möchten Sie an Ihren Termin bei Werkstatt Müller erinnern"],
    },
  },
  {
    kind: "account_approved",
    facts: (language) => accountFacts({ language }),
    en: {
      subject: "Your account has been approved",
      says: ["Hello Nora New,", "Log in:\nhttps://booking.example.org/login"],
    },
    de: {
      subject: "Ihr Konto ist freigeschaltet",
      says: ["Hallo Nora New,", "Anmelden:\nhttps://booking.example.org/login"],
    },
  },
];

describe.each(cases)("$kind", (mail) => {
  test.each(["en", "de"] as const)("in %s", (language) => {
    const { document, body } = text(mail.facts(language));
    expect(document.language).toBe(language);
    expect(document.subject).toBe(mail[language].subject);
    for (const phrase of mail[language].says) expect(body).toContain(phrase);
    // Nothing of the other language leaks in.
    expect(body).not.toMatch(
      language === "de" ? /\b(Hello|Kind regards|When)\b/ : /\b(Hallo|Uhr|Grüße)\b/,
    );
    expect(body).toContain(
      language === "de"
        ? "Diese Nachricht wurde automatisch vom Buchungssystem unter https://booking.example.org verschickt."
        : "This message was sent automatically by the booking system at https://booking.example.org.",
    );
  });
});

describe("who did it and where the booking stands", () => {
  test("a confirmation at a venue without approval thanks, one by staff says they confirmed", () => {
    const atOnce = bookingFacts({ cause: { type: "BookingConfirmed", by: { system: true } } });
    expect(text(atOnce).body).toContain("Thank you for your booking at Werkstatt Müller.");
    expect(text({ ...atOnce, language: "de" }).body).toContain(
      "vielen Dank für Ihre Buchung bei Werkstatt Müller.",
    );
  });

  test("a booker who cancelled is told it is done as asked, without a reason line", () => {
    const facts = bookingFacts({
      kind: "booking_cancelled",
      booking: { ...slotBooking, status: "cancelled" },
      cause: { type: "BookingCancelled", by: { userId: memberId } },
    });
    const { body } = text(facts);
    expect(body).toContain("As you asked, your booking has been cancelled.");
    expect(body).not.toContain("Reason");
    expect(text({ ...facts, language: "de" }).body).toContain(
      "Ihre Buchung wurde wie gewünscht storniert.",
    );
  });

  test("a move that stays confirmed says so, with the change deadline", () => {
    const facts = bookingFacts({
      kind: "booking_rescheduled",
      cause: { type: "BookingRescheduled", by: { userId: adminId } },
    });
    const { body } = text(facts);
    expect(body).toContain("Werkstatt Müller has changed your booking.");
    expect(body).toContain("Your booking remains confirmed.");
    expect(body).toContain("You can change or cancel the booking online until");
    // Only guests and rooms changed, not the time: no "Previously".
    expect(body).not.toContain("Previously");
  });

  test("a move of a request that was still pending says it still waits", () => {
    const facts = bookingFacts({
      kind: "booking_rescheduled",
      booking: {
        ...slotBooking,
        status: "pending",
        start: "2026-12-12T10:00:00.000Z",
        end: "2026-12-12T11:00:00.000Z",
      },
      before: { ...slotBooking, status: "pending" },
      cause: { type: "BookingRescheduled", by: { userId: memberId } },
    });
    const { body } = text(facts);
    expect(body).toContain("Your request is still waiting for Werkstatt Müller to confirm it.");
    expect(body).toContain("Previously: Sat 12 Dec 2026, 10:00–11:00 (Europe/Berlin time)");
  });

  test("staff hear that a moved confirmed booking needs their approval again", () => {
    const facts: BookingFacts = bookingFacts({
      kind: "booking_requested",
      audience: "staff",
      booking: { ...slotBooking, status: "pending" },
      before: slotBooking,
      cause: { type: "BookingRescheduled", by: { userId: memberId } },
    });
    expect(text(facts).document.subject).toBe(
      "Please confirm again: Inspection, Sat 12 Dec 2026, 10:00",
    );
    expect(text(facts).body).toContain("needs your approval again");
    expect(text({ ...facts, language: "de" }).document.subject).toBe(
      "Bitte erneut bestätigen: Inspection, Sa., 12. Dez. 2026, 10:00 Uhr",
    );
  });

  test("staff see a guest's contact", () => {
    const facts = guestFacts({ kind: "booking_requested", audience: "staff" });
    const { body } = text(facts);
    expect(body).toContain("Booked by:     Gus Guest (guest without an account)");
    expect(body).toContain("Phone:         +49 30 123456");
  });

  test("guests get their manage link and are asked to keep the mail", () => {
    const { body } = text(guestFacts());
    expect(body).toContain(
      "View, change or cancel your booking:\nhttps://booking.example.org/manage/manage.token.signature",
    );
    expect(body).toContain("the link is your personal key to this booking");
    expect(text(bookingFacts()).body).not.toContain("personal key");
  });

  test("no change deadline once it has passed, or 'until it begins' without a notice", () => {
    const late = bookingFacts({
      booking: { ...slotBooking, updatedAt: "2026-12-11T12:00:00.000Z" },
    });
    expect(text(late).body).not.toContain("change or cancel");
    const noNotice = bookingFacts({
      venue: {
        ...bookingFacts().venue,
        policies: { ...bookingFacts().venue.policies, cancellationNoticeHours: 0 },
      },
    });
    expect(text(noNotice).body).toContain(
      "You can change or cancel the booking online until it begins.",
    );
  });

  test("an erased or unknown name gives a greeting without one", () => {
    const { body } = text(bookingFacts({ recipient: { email: "x@example.org", name: undefined } }));
    expect(body.startsWith("Hello,\n")).toBe(true);
  });
});
