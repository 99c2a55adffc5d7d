import type { BookingClient } from "@booking/client";
import type { BookingDto } from "@booking/contracts";
import { bookingWhen, statusText } from "../booking-format.ts";
import { loadVenues } from "../catalog-lookup.ts";
import type { CommandContext } from "../command.ts";

/** What `cancel`, `confirm` and `reject` print: the booking (--json) or one line. */
export async function printChangedBooking(
  client: BookingClient,
  booking: BookingDto,
  verb: string,
  { options, output }: Pick<CommandContext, "options" | "output">,
): Promise<number> {
  if (options.json) {
    output.out(JSON.stringify(booking, null, 2));
    return 0;
  }
  const venue = (await loadVenues(client, [booking.venueId])).get(booking.venueId);
  const when = bookingWhen(booking, venue?.venue.timeZone);
  output.out(`${verb} booking ${booking.id} (${when}); now ${statusText(booking.status)}.`);
  return 0;
}
