import { bookingDetails, historyTable } from "../booking-format.ts";
import { loadVenues } from "../catalog-lookup.ts";
import type { Command } from "../command.ts";
import { idOperand } from "./option-values.ts";

export const bookingsShowCommand: Command = {
  name: "bookings show",
  synopsis: "bookings show <id>",
  summary: "show a booking with its history",
  options: [],
  async run({ authenticated, operands, options, output }) {
    const id = idOperand(operands, "booking", "see `booking bookings`");
    const client = await authenticated();
    const { booking, history } = await client.bookings.get.query({ id });
    if (options.json) {
      output.out(JSON.stringify({ booking, history }, null, 2));
      return 0;
    }
    const venues = await loadVenues(client, [booking.venueId]);
    for (const line of bookingDetails(booking, venues.get(booking.venueId))) output.out(line);
    output.out("");
    output.out("History:");
    for (const line of historyTable(history)) output.out(`  ${line}`);
    return 0;
  },
};
