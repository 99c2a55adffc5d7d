import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import {
  type BlockingReservation,
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
import type { AppDependencies } from "../context/app-dependencies.ts";
import { AppError } from "../errors/app-error.ts";
import type { Catalog } from "../read-cache/cached-catalog.ts";

export interface CatalogWithReservations extends Catalog {
  reservations: BlockingReservation[];
}

/**
 * The offering, its venue and the venue's resources, as the domain needs them, in one
 * round trip: every availability request and every booking starts here.
 */
export async function loadCatalog(pool: pg.Pool, offeringId: string): Promise<Catalog> {
  // named prepared statement: parsed and planned once per connection (benchmark)
  const { rows } = await pool.query<{
    offering: OfferingDto;
    venue: VenueDto;
    resources: ResourceDto[];
  }>({
    name: "booking_catalog",
    text: `SELECT o.data AS offering, v.data AS venue,
             coalesce((SELECT json_agg(r.data ORDER BY r.created_at, r.id) FROM resources r
                       WHERE r.venue_id = o.venue_id), '[]') AS resources
           FROM offerings o JOIN venues v ON v.id = o.venue_id WHERE o.id = $1`,
    values: [offeringId],
  });
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such offering.");
  return {
    venue: asVenue(row.venue),
    offering: asOffering(row.offering),
    resources: row.resources.map(asResource),
  };
}

/**
 * loadCatalog through the process's catalog cache: a booking needs no catalog round trip
 * while the catalog is unchanged. The value is shared between requests, so it is frozen.
 */
export function cachedCatalog(deps: AppDependencies, offeringId: string): Promise<Catalog> {
  return deps.caches.catalog.get(offeringId, async () => {
    const catalog = await loadCatalog(deps.database.pool, offeringId);
    return { value: deepFreeze(catalog), tags: [], bytes: JSON.stringify(catalog).length };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The catalog plus the blocking reservations of the offering's resources around local
 * dates [from, to]: still one round trip, with the reservations packed into one array of
 * epoch milliseconds (thousands of rows would each cost parsing and garbage).
 */
export async function loadCatalogWithReservations(
  pool: pg.Pool,
  offeringId: string,
  from: string,
  to: string,
): Promise<CatalogWithReservations> {
  // named prepared statement: parsed and planned once per connection (benchmark)
  const { rows } = await pool.query<{
    offering: OfferingDto;
    venue: VenueDto;
    resources: ResourceDto[];
    reservations: [string, number, number][] | null;
  }>({
    name: "booking_catalog_with_reservations",
    text: `SELECT o.data AS offering, v.data AS venue,
             coalesce((SELECT json_agg(r.data ORDER BY r.created_at, r.id) FROM resources r
                       WHERE r.venue_id = o.venue_id), '[]') AS resources,
             (SELECT json_agg(json_build_array(x.resource_id,
                       extract(epoch FROM lower(x.period)) * 1000, extract(epoch FROM upper(x.period)) * 1000))
              FROM reservations x
              WHERE x.blocking
                AND x.resource_id IN (SELECT jsonb_array_elements_text(o.data -> 'resourceIds')::uuid)
                AND x.period && tstzrange(($2::date - 2)::timestamptz, ($3::date + 2)::timestamptz)) AS reservations
           FROM offerings o JOIN venues v ON v.id = o.venue_id WHERE o.id = $1`,
    values: [offeringId, from, to],
  });
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such offering.");
  return {
    venue: asVenue(row.venue),
    offering: asOffering(row.offering),
    resources: row.resources.map(asResource),
    reservations: (row.reservations ?? []).map(([resourceId, start, end]) => ({
      resourceId,
      start,
      end,
    })),
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
