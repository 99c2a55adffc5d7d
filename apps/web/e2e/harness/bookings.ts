import type { BookingDto } from "@booking/contracts";
import type { DemoSite } from "./demo-site.ts";

/** The UTC date `days` from now, `YYYY-MM-DD`. */
export function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface StayRequest {
  offeringId: string;
  /** The member's api token. */
  token: string;
  /** About how many days ahead the stay begins; later if the rooms are taken then. */
  days: number;
  notes?: string;
}

/**
 * A two-night stay for two in the first room free from about `days` ahead: the demo has
 * stays of its own, and other tests of the file book too.
 */
export async function requestStay(site: DemoSite, request: StayRequest): Promise<BookingDto> {
  const { offeringId, token, days, notes } = request;
  for (let offset = days; offset < days + 60; offset += 3) {
    const { nights } = await site.call<{ nights: { freeResourceIds: string[] }[] }>(
      "GET",
      `/offerings/${offeringId}/availability?from=${dateIn(offset)}&to=${dateIn(offset + 2)}&guests=2`,
    );
    const [first, second] = nights;
    const room = first?.freeResourceIds.find((id) => second?.freeResourceIds.includes(id));
    if (!room) continue;
    const body = {
      offeringId,
      resourceIds: [room],
      checkIn: dateIn(offset),
      checkOut: dateIn(offset + 2),
      guests: 2,
      ...(notes === undefined ? {} : { notes }),
    };
    return (await site.call<{ booking: BookingDto }>("POST", "/bookings", { token, body })).booking;
  }
  throw new Error("no free room");
}

/**
 * The start of the first free slot at least `fromDays` ahead (four by default: well before
 * the demo workshop's 24 hours of notice).
 */
export async function freeSlot(site: DemoSite, offeringId: string, fromDays = 4): Promise<string> {
  for (let days = fromDays; days < 60; days++) {
    const { slots } = await site.call<{ slots: { start: string }[] }>(
      "GET",
      `/offerings/${offeringId}/slots?date=${dateIn(days)}`,
    );
    if (slots[0]) return slots[0].start;
  }
  throw new Error("no free slot");
}
