import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import {
  type BookingContext,
  type BookingPlacement,
  type BookingRuleContext,
  checkSlotRequest,
  checkStayRequest,
  type Offering,
  quoteSlot,
  quoteStay,
  type Resource,
  type Venue,
} from "@booking/domain";
import type pg from "pg";
import { findEntity, listOfVenue, requireEntity } from "../catalog/catalog-queries.ts";
import { AppError } from "../errors/app-error.ts";

export interface Catalog {
  venue: Venue;
  offering: Offering;
  resources: Resource[];
}

/** The offering, its venue and the venue's resources, as the domain needs them. */
export async function loadCatalog(pool: pg.Pool, offeringId: string): Promise<Catalog> {
  const offering = await findEntity(pool, "offering", offeringId);
  if (!offering) throw new AppError("NOT_FOUND", "No such offering.");
  const venue = await requireEntity(pool, "venue", offering.venueId);
  const resources = await listOfVenue(pool, "resource", offering.venueId);
  return {
    venue: asVenue(venue),
    offering: asOffering(offering),
    resources: resources.map(asResource),
  };
}

/** Availability's rule checks and pricing, plugged into the decider's ports. */
export function bookingContext(catalog: Catalog): BookingContext {
  return { ...catalog, checkRules, quote };
}

function checkRules(placement: BookingPlacement, context: BookingRuleContext) {
  const { venue, offering, resources, now } = context;
  const violation =
    offering.mode === "stay"
      ? checkStayRequest({
          offering,
          venue,
          rooms: resources,
          checkIn: placement.checkIn ?? "",
          checkOut: placement.checkOut ?? "",
          guests: placement.guests,
          now,
        })
      : checkSlotRequest({
          offering,
          venue,
          start: placement.start,
          guests: placement.guests,
          now,
          resources,
        });
  return violation ? { rule: violation.details.rule, message: violation.message } : null;
}

function quote(placement: BookingPlacement, context: BookingRuleContext) {
  const { offering, resources } = context;
  if (offering.mode === "slot") return pick(quoteSlot(offering));
  return pick(
    quoteStay(
      offering,
      resources,
      placement.checkIn ?? "",
      placement.checkOut ?? "",
      placement.guests,
    ),
  );
}

function pick(price: { amount: number; currency: string }) {
  return { amount: price.amount, currency: price.currency };
}

// The read models hold what the contracts validated; these only narrow the types.
const asVenue = (venue: VenueDto): Venue => venue as unknown as Venue;
const asOffering = (offering: OfferingDto): Offering => offering as unknown as Offering;
const asResource = (resource: ResourceDto): Resource => resource;
