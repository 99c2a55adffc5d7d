import { daysBetween } from "../availability/local-date.ts";
import type { LocalDate, Resource, StayOffering } from "../catalog/catalog.types.ts";
import { type Quote, type QuoteLine, quoteLine, quoteOf } from "./quote.types.ts";

/**
 * The price of a stay: one line per room (nights × the offering's rate per room-night) and,
 * when the offering charges one, a guest surcharge line (guests × nights × perGuestNightly).
 * Nights are calendar nights, so a stay across a DST change costs the same as any other.
 * Rules (min/max nights, capacity) are checkStayRequest's job; this only prices.
 */
export function quoteStay(
  offering: StayOffering,
  rooms: readonly Resource[],
  checkIn: LocalDate,
  checkOut: LocalDate,
  guests: number,
): Quote {
  const nights = Math.max(0, daysBetween(checkIn, checkOut));
  const lines: QuoteLine[] = rooms.map((room) =>
    quoteLine(`${room.name}: ${nights} × night`, nights, offering.price.amount),
  );
  if (offering.stay.perGuestNightly > 0) {
    lines.push(
      quoteLine(
        `Guest surcharge: ${guests} × ${nights} night(s)`,
        guests * nights,
        offering.stay.perGuestNightly,
      ),
    );
  }
  return quoteOf(offering.price.currency, lines);
}
