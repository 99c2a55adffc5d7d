// Shared by the composer's unit tests only: the facts of a mail, made up without a database.
import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type { AccountFacts, BookingFacts } from "./notification-facts.ts";

export const workshop: VenueDto = {
  id: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0001",
  name: "Werkstatt Müller",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  address: { street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" },
  openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closures: [],
  policies: {
    approvalRequired: true,
    holdTtlMinutes: 10,
    minNoticeMinutes: 60,
    maxAdvanceDays: 365,
    cancellationNoticeHours: 24,
  },
};

export const bay: ResourceDto = {
  id: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0002",
  venueId: workshop.id,
  name: "Bay 1",
  kind: "bay",
  capacity: 1,
  active: true,
};

export const inspection = {
  id: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0003",
  venueId: workshop.id,
  name: "Inspection",
  mode: "slot",
  resourceIds: [bay.id],
  price: { amount: 8900, currency: "EUR" },
  slot: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, stepMinutes: 15 },
  questions: [{ key: "plate", label: "Licence plate", type: "text", required: true }],
} as OfferingDto;

/** Sat 12 Dec 2026, 10:00–11:00 in Berlin (CET, UTC+1). */
export const slotBooking: BookingDto = {
  id: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0004",
  venueId: workshop.id,
  offeringId: inspection.id,
  resourceIds: [bay.id],
  start: "2026-12-12T09:00:00.000Z",
  end: "2026-12-12T10:00:00.000Z",
  guests: 1,
  status: "confirmed",
  price: { amount: 8900, currency: "EUR" },
  bookedBy: { userId: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0005" },
  answers: { plate: "B-AB 123" },
  createdAt: "2026-11-01T08:00:00.000Z",
  updatedAt: "2026-11-01T08:00:00.000Z",
  version: 2,
};

/** A stay across the end of summer time: check-in Sat 24 Oct 15:00 CEST, out Mon 26 Oct 10:00 CET. */
export const stayBooking: BookingDto = {
  ...slotBooking,
  id: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0006",
  start: "2026-10-24T13:00:00.000Z",
  end: "2026-10-26T09:00:00.000Z",
  checkIn: "2026-10-24",
  checkOut: "2026-10-26",
  guests: 2,
  price: { amount: 10000, currency: "EUR" },
  answers: {},
};

/** A member's confirmed slot booking, as a mail to the member. */
export function bookingFacts(overrides: Partial<BookingFacts> = {}): BookingFacts {
  return {
    kind: "booking_confirmed",
    language: "en",
    audience: "booker",
    recipient: { email: "anna@example.org", name: "Anna Schmidt" },
    booking: slotBooking,
    before: { ...slotBooking, status: "pending", version: 1 },
    cause: { type: "BookingConfirmed", by: { userId: "0b6f4b1e-6a43-4f55-9a3c-2f4a6d1d0007" } },
    reason: null,
    venue: workshop,
    offering: inspection,
    resources: [bay],
    booker: { kind: "member", name: "Anna Schmidt", email: "anna@example.org", phone: undefined },
    bookingUrl: `https://booking.example.org/bookings/${slotBooking.id}`,
    publicUrl: "https://booking.example.org",
    ...overrides,
  };
}

/** The same booking made by a guest, whose link is a manage link. */
export function guestFacts(overrides: Partial<BookingFacts> = {}): BookingFacts {
  const guest = { name: "Gus Guest", email: "gus@example.org", phone: "+49 30 123456" };
  return bookingFacts({
    booking: { ...slotBooking, bookedBy: { guest } },
    booker: { kind: "guest", ...guest },
    recipient: { email: guest.email, name: guest.name },
    bookingUrl: "https://booking.example.org/manage/manage.token.signature",
    ...overrides,
  });
}

export function accountFacts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    kind: "account_approved",
    language: "en",
    recipient: { email: "new@example.org", name: "Nora New" },
    loginUrl: "https://booking.example.org/login",
    publicUrl: "https://booking.example.org",
    ...overrides,
  };
}
