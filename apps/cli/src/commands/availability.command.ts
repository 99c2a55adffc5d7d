import { availabilityQuerySchema, slotsQuerySchema } from "@booking/contracts";
import { nightsTable, slotsTable } from "../availability-format.ts";
import { findOffering, resourceNamer } from "../catalog-lookup.ts";
import { type Command, type CommandOptions, UsageError } from "../command.ts";
import { printable } from "../table.ts";
import { checkedInput, idOperand, parseWholeNumber } from "./option-values.ts";

export const availabilityCommand: Command = {
  name: "availability",
  synopsis:
    "availability <offeringId> (--from <YYYY-MM-DD> --to <YYYY-MM-DD> [--guests <n>] | --date <YYYY-MM-DD>)",
  summary: "free rooms per night (stays) or free slots in local time (appointments)",
  options: ["from", "to", "guests", "date"],
  async run({ connect, explicitToken, operands, options, output }) {
    const offeringId = idOperand(operands, "offering", "see `booking venues show <venueId>`");
    const request = availabilityRequest(options);
    const client = connect(explicitToken?.token);
    const [availability, found] = await Promise.all([
      "date" in request
        ? client.availability.slots.query({ offeringId, date: request.date })
        : client.availability.forOffering.query({ offeringId, query: request }),
      // Names and the time zone only make the table readable; the JSON needs neither.
      options.json ? undefined : findOffering(client, offeringId).catch(() => undefined),
    ]);
    if (options.json) {
      output.out(JSON.stringify(availability, null, 2));
      return 0;
    }
    const period =
      "date" in request ? request.date : `${request.from} to ${request.to} (exclusive)`;
    const title = found
      ? `${found.offering.name} at ${found.venue.name}`
      : `Offering ${offeringId}`;
    output.out(`${printable(title)}, ${period}:`);
    if ("nights" in availability) {
      const nameOf = resourceNamer(found?.resources ?? []);
      for (const line of nightsTable(availability.nights, nameOf)) output.out(line);
      return 0;
    }
    if (availability.slots.length === 0) {
      output.out("No free slots.");
      return 0;
    }
    for (const line of slotsTable(availability.slots, found?.venue.timeZone ?? "UTC")) {
      output.out(line);
    }
    return 0;
  },
};

/** Either a range (`--from`, `--to`, `--guests`) or one day of slots (`--date`). */
function availabilityRequest(
  options: CommandOptions,
): { date: string } | { from: string; to: string; guests?: number | undefined } {
  const range = options.from ?? options.to ?? options.guests;
  if (options.date !== undefined) {
    if (range !== undefined)
      throw new UsageError("--date cannot be combined with --from/--to/--guests.");
    return checkedInput(slotsQuerySchema, { date: options.date }, { date: "--date" });
  }
  if (options.from === undefined || options.to === undefined) {
    throw new UsageError("Give --from and --to (or --date for one day of slots).");
  }
  const guests = parseWholeNumber("--guests", options.guests, { min: 1, max: 1000 });
  return checkedInput(
    availabilityQuerySchema,
    { from: options.from, to: options.to, guests },
    { from: "--from", to: "--to", guests: "--guests" },
  );
}
