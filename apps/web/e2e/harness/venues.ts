import type { VenueDto } from "@booking/contracts";
import type { DemoSite } from "./demo-site.ts";

export interface EveryDayVenue {
  name: string;
  /** The same opening hours every day of the week, e.g. ["08:00", "20:00"]. */
  hours: [string, string];
  holdTtlMinutes: number;
}

/**
 * A venue of the owner's in Berlin, open every day, that confirms at once and needs no
 * notice: bookable whatever the time of the run.
 */
export async function createEveryDayVenue(
  site: DemoSite,
  { name, hours, holdTtlMinutes }: EveryDayVenue,
): Promise<VenueDto> {
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const { venue } = await site.call<{ venue: VenueDto }>("POST", "/venues", {
    token: site.ownerToken,
    body: {
      name,
      timeZone: "Europe/Berlin",
      currency: "EUR",
      openingHours: Object.fromEntries(days.map((day) => [day, [hours]])),
      closures: [],
      policies: {
        approvalRequired: false,
        holdTtlMinutes,
        minNoticeMinutes: 0,
        maxAdvanceDays: 30,
        cancellationNoticeHours: 0,
      },
    },
  });
  return venue;
}
