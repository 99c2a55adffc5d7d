import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type { Command } from "../command.ts";
import { formatMoney } from "../money.ts";
import { formatTable, printable } from "../table.ts";
import { idOperand } from "./option-values.ts";

export const venuesShowCommand: Command = {
  name: "venues show",
  synopsis: "venues show <id>",
  summary: "show a venue with its resources and offerings",
  options: [],
  async run({ connect, explicitToken, operands, options, output }) {
    const id = idOperand(operands, "venue", "see `booking venues`");
    const client = connect(explicitToken?.token);
    const [{ venue }, resources, offerings] = await Promise.all([
      client.venues.get.query({ id }),
      client.resources.list.query({ venueId: id }),
      client.offerings.list.query({ venueId: id }),
    ]);
    if (options.json) {
      const shown = { venue, resources: resources.items, offerings: offerings.items };
      output.out(JSON.stringify(shown, null, 2));
      return 0;
    }
    for (const line of venueLines(venue, resources.items, offerings.items)) output.out(line);
    return 0;
  },
};

export function venueLines(
  venue: VenueDto,
  resources: ResourceDto[],
  offerings: OfferingDto[],
): string[] {
  const { policies } = venue;
  const address = venue.address
    ? `${venue.address.street}, ${venue.address.postalCode} ${venue.address.city}, ${venue.address.country}`
    : "-";
  const approval = policies.approvalRequired ? "required" : "not required";
  return [
    `${printable(venue.name)} (${venue.id})`,
    `  address   ${printable(address)}`,
    `  zone      ${venue.timeZone}`,
    `  currency  ${venue.currency}`,
    `  hours     ${openingHours(venue.openingHours)}`,
    `  approval  ${approval}; holds last ${policies.holdTtlMinutes} min; book ${policies.minNoticeMinutes} min to ${policies.maxAdvanceDays} days ahead; cancel ${policies.cancellationNoticeHours} h ahead`,
    "",
    "Resources:",
    ...(resources.length === 0
      ? ["  none"]
      : formatTable(
          ["ID", "NAME", "KIND", "CAPACITY", "ACTIVE"],
          resources.map((resource) => [
            resource.id,
            resource.name,
            resource.kind,
            String(resource.capacity),
            resource.active ? "yes" : "no",
          ]),
        ).map((line) => `  ${line}`)),
    "",
    "Offerings:",
    ...(offerings.length === 0
      ? ["  none"]
      : formatTable(
          ["ID", "NAME", "MODE", "PRICE"],
          offerings.map((offering) => [
            offering.id,
            offering.name,
            offering.mode,
            offeringPrice(offering),
          ]),
        ).map((line) => `  ${line}`)),
  ];
}

/** `mon 08:00–17:00, sat 09:00–13:00`: the open days only; stays have none. */
export function openingHours(hours: VenueDto["openingHours"]): string {
  const days = Object.entries(hours).filter(([, intervals]) => intervals.length > 0);
  if (days.length === 0) return "-";
  return days
    .map(([day, intervals]) => `${day} ${intervals.map(([from, to]) => `${from}–${to}`).join(" ")}`)
    .join(", ");
}

/** What the offering costs: per room-night (+ per guest-night) or per appointment. */
export function offeringPrice(offering: OfferingDto): string {
  if (offering.mode === "slot") {
    return `${formatMoney(offering.price)} per ${offering.slot.durationMinutes} min`;
  }
  const perGuest = offering.stay.perGuestNightly
    ? ` + ${formatMoney({ amount: offering.stay.perGuestNightly, currency: offering.price.currency })} per guest-night`
    : "";
  return `${formatMoney(offering.price)} per night${perGuest}`;
}
