import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type { DemoSite } from "./demo-site.ts";

/** The demo's venues, found by name: a holiday home and a car workshop. */
export type DemoVenueName = "Ferienhaus am See" | "Kfz-Werkstatt Krüger";

export async function demoVenue(site: DemoSite, name: DemoVenueName): Promise<VenueDto> {
  const { items } = await site.call<{ items: VenueDto[] }>("GET", "/venues");
  const venue = items.find((candidate) => candidate.name === name);
  if (!venue) throw new Error(`no demo venue ${name}`);
  return venue;
}

/** A venue's offering by name, or its first one (the holiday home has only its stay). */
export async function demoOffering(
  site: DemoSite,
  venue: VenueDto,
  name?: string,
): Promise<OfferingDto> {
  const { items } = await site.call<{ items: OfferingDto[] }>(
    "GET",
    `/venues/${venue.id}/offerings`,
  );
  const offering = name === undefined ? items[0] : items.find((item) => item.name === name);
  if (!offering) throw new Error(`no demo offering ${name ?? "at all"} at ${venue.name}`);
  return offering;
}

export async function resourcesOf(site: DemoSite, venue: VenueDto): Promise<ResourceDto[]> {
  return (await site.call<{ items: ResourceDto[] }>("GET", `/venues/${venue.id}/resources`)).items;
}
