import { listBookingsQuerySchema } from "@booking/contracts";
import { bookingsTable } from "../booking-format.ts";
import { loadVenues } from "../catalog-lookup.ts";
import type { Command } from "../command.ts";
import { collectPages } from "../paging.ts";
import { checkedInput, noOperands, parseLimit } from "./option-values.ts";

export const bookingsListCommand: Command = {
  name: "bookings",
  synopsis:
    "bookings [--status <s>] [--venue <id>] [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--limit <n>] [--all]",
  summary: "list bookings by start (members: their own; admins: all)",
  options: ["status", "venue", "from", "to", "limit", "all"],
  async run({ authenticated, operands, options, output }) {
    noOperands(operands);
    const query = checkedInput(
      listBookingsQuerySchema,
      {
        status: options.status,
        venueId: options.venue,
        from: options.from,
        to: options.to,
        limit: parseLimit(options.limit),
      },
      { status: "--status", venueId: "--venue", from: "--from", to: "--to" },
    );
    const client = await authenticated();
    const { items, nextCursor } = await collectPages(
      (cursor) => client.bookings.list.query({ ...query, cursor }),
      Boolean(options.all),
    );
    if (options.json) {
      output.out(JSON.stringify({ items, nextCursor }, null, 2));
      return 0;
    }
    if (items.length === 0) {
      output.out(query.status ? `No ${query.status} bookings.` : "No bookings.");
      return 0;
    }
    const venues = await loadVenues(
      client,
      items.map((booking) => booking.venueId),
    );
    for (const line of bookingsTable(items, venues)) output.out(line);
    if (nextCursor) output.err(`Showing the first ${items.length}; --all lists every booking.`);
    return 0;
  },
};
