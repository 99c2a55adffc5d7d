import { isErased } from "@booking/eventstore";
import { formatMoney } from "./format-money.ts";
import { formatCheckIn, formatCheckOut, formatSubjectTime, formatWhen } from "./format-time.ts";
import type { DetailRow, MailBlock } from "./mail-document.ts";
import type { InEachLanguage, MailLanguage } from "./mail-language.ts";
import type { BookingFacts } from "./notification-facts.ts";

/**
 * The booking in labelled rows, the same in every booking mail: what, where, when (a slot
 * as one span, a stay as check-in and check-out), guests, price. Staff also get who booked,
 * how to reach them and the answers to the booking questions.
 */
export function bookingDetails(
  facts: BookingFacts,
  language: MailLanguage,
  options: { withPreviousTime?: boolean } = {},
): MailBlock {
  const { booking, before } = facts;
  const label = labels[language];
  const { timeZone } = facts.venue;
  const rows: DetailRow[] = [
    { label: label.what, value: whatIsBooked(facts, language) },
    { label: label.where, value: whereItIs(facts) },
  ];
  if (booking.checkIn && booking.checkOut) {
    rows.push(
      { label: label.checkIn, value: formatCheckIn(booking.start, timeZone, language) },
      { label: label.checkOut, value: formatCheckOut(booking.end, timeZone, language) },
      { label: label.nights, value: String(nightsBetween(booking.checkIn, booking.checkOut)) },
    );
  } else {
    rows.push({ label: label.when, value: formatWhen(booking, timeZone, language) });
  }
  if (options.withPreviousTime && before && timeChanged(facts)) {
    rows.push({ label: label.previously, value: formatWhen(before, timeZone, language) });
  }
  if (booking.checkIn || booking.guests > 1) {
    rows.push({ label: label.guests, value: String(booking.guests) });
  }
  rows.push({ label: label.price, value: formatMoney(booking.price, language) });
  if (facts.audience === "staff") rows.push(...bookerRows(facts, language));
  return { type: "details", rows };
}

/** The booker's notes, set apart (staff see them; they are the booker's own words). */
export function notesQuote(facts: BookingFacts, language: MailLanguage): MailBlock[] {
  const { notes } = facts.booking;
  if (!notes || isErased(notes)) return [];
  return [{ type: "quote", label: labels[language].notes, text: notes }];
}

/** Why it was rejected or cancelled, in the words of whoever did it. */
export function reasonQuote(facts: BookingFacts, language: MailLanguage): MailBlock[] {
  return facts.reason
    ? [{ type: "quote", label: labels[language].reason, text: facts.reason }]
    : [];
}

/** What a subject line names: "Inspection, Sat 12 Dec 2026, 10:00". */
export function subjectTopic(facts: BookingFacts, language: MailLanguage): string {
  const { booking, venue } = facts;
  const mode = booking.checkIn ? "stay" : "slot";
  const when = formatSubjectTime(booking, mode, venue.timeZone, language);
  return `${offeringName(facts, language)}, ${when}`;
}

export function offeringName(facts: BookingFacts, language: MailLanguage): string {
  return facts.offering?.name ?? labels[language].booking;
}

/** The placement changed (time or dates), not only guests or rooms. */
export function timeChanged(facts: BookingFacts): boolean {
  const { before, booking } = facts;
  return before !== undefined && (before.start !== booking.start || before.end !== booking.end);
}

function whatIsBooked(facts: BookingFacts, language: MailLanguage): string {
  const resources = facts.booking.resourceIds
    .flatMap((id) => facts.resources.find((resource) => resource.id === id)?.name ?? [])
    .join(", ");
  const parts = [facts.offering?.name, resources].filter((part) => part !== undefined && part);
  return parts.length > 0 ? parts.join(" – ") : labels[language].booking;
}

function whereItIs(facts: BookingFacts): string {
  const { name, address } = facts.venue;
  if (!address) return name;
  return `${name}\n${address.street}, ${address.postalCode} ${address.city}`;
}

function bookerRows(facts: BookingFacts, language: MailLanguage): DetailRow[] {
  const label = labels[language];
  const { booker } = facts;
  const who = booker.kind === "guest" ? label.guest : label.member;
  const rows: DetailRow[] = [
    { label: label.bookedBy, value: `${booker.name ?? label.unknownName} (${who})` },
  ];
  if (booker.email) rows.push({ label: label.email, value: booker.email });
  if (booker.phone) rows.push({ label: label.phone, value: booker.phone });
  const answers = facts.booking.answers ?? {};
  for (const question of facts.offering?.questions ?? []) {
    const answer = answers[question.key];
    if (answer !== undefined) rows.push({ label: question.label, value: String(answer) });
  }
  return rows;
}

/** Calendar nights between two local dates (YYYY-MM-DD): a change of the clocks is no matter. */
function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(checkOut) - Date.parse(checkIn)) / 86_400_000);
}

const labels: InEachLanguage<{
  what: string;
  where: string;
  when: string;
  checkIn: string;
  checkOut: string;
  nights: string;
  previously: string;
  guests: string;
  price: string;
  bookedBy: string;
  member: string;
  guest: string;
  unknownName: string;
  email: string;
  phone: string;
  notes: string;
  reason: string;
  booking: string;
}> = {
  en: {
    what: "What",
    where: "Where",
    when: "When",
    checkIn: "Check-in",
    checkOut: "Check-out",
    nights: "Nights",
    previously: "Previously",
    guests: "Guests",
    price: "Price",
    bookedBy: "Booked by",
    member: "member",
    guest: "guest without an account",
    unknownName: "name not known",
    email: "E-mail",
    phone: "Phone",
    notes: "Notes from the booker",
    reason: "Reason given",
    booking: "Booking",
  },
  de: {
    what: "Was",
    where: "Wo",
    when: "Wann",
    checkIn: "Anreise",
    checkOut: "Abreise",
    nights: "Nächte",
    previously: "Bisher",
    guests: "Personen",
    price: "Preis",
    bookedBy: "Gebucht von",
    member: "Mitglied",
    guest: "Gast ohne Konto",
    unknownName: "Name unbekannt",
    email: "E-Mail",
    phone: "Telefon",
    notes: "Anmerkungen der buchenden Person",
    reason: "Begründung",
    booking: "Buchung",
  },
};
