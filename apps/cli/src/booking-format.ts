import type { BookingDto } from "@booking/contracts";
import { resourceNamer, type VenueInfo } from "./catalog-lookup.ts";
import { daysBetween, formatLocalInterval } from "./local-time.ts";
import { formatMoney } from "./money.ts";
import { formatTable, formatTimestamp, printable } from "./table.ts";

type Booking = Pick<
  BookingDto,
  "id" | "status" | "start" | "end" | "checkIn" | "checkOut" | "guests" | "price" | "resourceIds"
> &
  Partial<Pick<BookingDto, "venueId" | "holdExpiresAt" | "notes">>;

/** A stay by its local dates, a slot by its local times in the venue's zone (else UTC). */
export function bookingWhen(booking: Booking, timeZone: string | undefined): string {
  if (booking.checkIn && booking.checkOut) {
    const nights = daysBetween(booking.checkIn, booking.checkOut);
    return `${booking.checkIn} → ${booking.checkOut} (${nights} ${nights === 1 ? "night" : "nights"})`;
  }
  const zone = timeZone ?? "UTC";
  return `${formatLocalInterval(booking.start, booking.end, zone)} ${zone}`;
}

/** The lines of `book` and `bookings show`: id and status first, then what was booked. */
export function bookingDetails(booking: Booking, venue: VenueInfo | undefined): string[] {
  const nameOf = resourceNamer(venue?.resources ?? []);
  const rows: [string, string][] = [
    ["status", statusText(booking.status)],
    ["when", bookingWhen(booking, venue?.venue.timeZone)],
    ...(venue ? [["venue", venue.venue.name] as [string, string]] : []),
    ["resources", booking.resourceIds.map(nameOf).join(", ")],
    ["guests", String(booking.guests)],
    ["price", formatMoney(booking.price)],
  ];
  if (booking.holdExpiresAt)
    rows.push(["held until", `${formatTimestamp(booking.holdExpiresAt)} UTC`]);
  if (booking.notes) rows.push(["notes", booking.notes]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `Booking ${booking.id}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${printable(value)}`),
  ];
}

export function statusText(status: BookingDto["status"]): string {
  if (status === "pending") return "pending (awaiting approval)";
  if (status === "no_show") return "no-show";
  return status;
}

/** One row per booking, in the order the server gave (by start). */
export function bookingsTable(bookings: Booking[], venues: Map<string, VenueInfo>): string[] {
  return formatTable(
    ["ID", "STATUS", "WHEN", "GUESTS", "PRICE", "VENUE"],
    bookings.map((booking) => {
      const venue = booking.venueId ? venues.get(booking.venueId) : undefined;
      return [
        booking.id,
        booking.status,
        bookingWhen(booking, venue?.venue.timeZone),
        String(booking.guests),
        formatMoney(booking.price),
        venue?.venue.name ?? booking.venueId ?? "",
      ];
    }),
  );
}

export interface HistoryEntry {
  type: string;
  at: string;
  actor: { userId: string } | { guest: true } | { system: true };
  reason?: string | undefined;
}

/** The booking's events, oldest first, in UTC as every timestamp of the CLI. */
export function historyTable(history: HistoryEntry[]): string[] {
  return formatTable(
    ["AT (UTC)", "EVENT", "BY", "REASON"],
    history.map((entry) => [
      formatTimestamp(entry.at),
      entry.type,
      "userId" in entry.actor ? entry.actor.userId : "guest" in entry.actor ? "guest" : "system",
      entry.reason ?? "",
    ]),
  );
}
