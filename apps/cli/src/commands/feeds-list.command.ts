import type { FeedDto } from "@booking/contracts";
import type { Command } from "../command.ts";
import { formatTable, formatTimestamp } from "../table.ts";
import { noOperands } from "./option-values.ts";

export const feedsListCommand: Command = {
  name: "feeds",
  synopsis: "feeds",
  summary: "list my calendar feeds (their urls are shown only when created)",
  options: [],
  async run({ authenticated, operands, options, output }) {
    noOperands(operands);
    const client = await authenticated();
    const { items } = await client.feeds.list.query();
    if (options.json) {
      output.out(JSON.stringify({ items }, null, 2));
      return 0;
    }
    if (items.length === 0) {
      output.out("No calendar feeds. `booking feeds create <name>` makes one.");
      return 0;
    }
    for (const line of feedsTable(items)) output.out(line);
    return 0;
  },
};

export function feedsTable(feeds: FeedDto[]): string[] {
  return formatTable(
    ["ID", "NAME", "BOOKINGS", "CREATED"],
    feeds.map((feed) => [
      feed.id,
      feed.name,
      feed.venueId ? `venue ${feed.venueId}` : "mine",
      formatTimestamp(feed.createdAt),
    ]),
  );
}
