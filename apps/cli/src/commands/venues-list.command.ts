import type { VenueDto } from "@booking/contracts";
import { venueSearchQuerySchema } from "@booking/contracts";
import type { Command } from "../command.ts";
import { collectPages } from "../paging.ts";
import { formatTable } from "../table.ts";
import { checkedInput, noOperands, parseLimit } from "./option-values.ts";

export const venuesListCommand: Command = {
  name: "venues",
  synopsis:
    "venues [--postal-code <p>] [--near <lat>,<lng>] [--radius-km <n>] [--limit <n>] [--all]",
  summary: "list venues (by postal code prefix or distance)",
  options: ["postal-code", "near", "radius-km", "limit", "all"],
  async run({ connect, explicitToken, operands, options, output }) {
    noOperands(operands);
    const query = checkedInput(
      venueSearchQuerySchema,
      {
        postalCode: options["postal-code"],
        near: options.near,
        radiusKm: options["radius-km"],
        limit: parseLimit(options.limit),
      },
      { postalCode: "--postal-code", near: "--near", radiusKm: "--radius-km" },
    );
    const client = connect(explicitToken?.token);
    const { items, nextCursor } = await collectPages(
      (cursor) => client.venues.list.query({ ...query, cursor }),
      Boolean(options.all),
    );
    if (options.json) {
      output.out(JSON.stringify({ items, nextCursor }, null, 2));
      return 0;
    }
    if (items.length === 0) {
      output.out("No venues found.");
      return 0;
    }
    for (const line of venuesTable(items)) output.out(line);
    if (nextCursor) output.err(`Showing the first ${items.length}; --all lists every venue.`);
    return 0;
  },
};

export function venuesTable(venues: VenueDto[]): string[] {
  return formatTable(
    ["ID", "NAME", "PLACE", "ZONE", "CURRENCY"],
    venues.map((venue) => [
      venue.id,
      venue.name,
      venue.address ? `${venue.address.postalCode} ${venue.address.city}` : "",
      venue.timeZone,
      venue.currency,
    ]),
  );
}
