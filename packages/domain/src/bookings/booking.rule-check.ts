import type { Money, Offering, Resource, Venue } from "../catalog/catalog.types.ts";
import type { ContractRule } from "./booking.errors.ts";
import type { BookingPlacement } from "./booking.request.ts";

/**
 * The catalog rules a request must meet (minimum notice, maximum advance, nights, guests,
 * capacity, closures, opening hours, step grid) live with availability, which evaluates
 * them in the venue's zone. The decider composes them through this port so the same code
 * decides "bookable" for availability and for the booking; the decider itself owns only
 * the lifecycle's time rules (IN_PAST, HOLD_EXPIRED, CANCELLATION_NOTICE).
 */
export interface BookingRuleContext {
  venue: Venue;
  offering: Offering;
  /** The resources the request names, already checked to be active ones of the offering. */
  resources: readonly Resource[];
  now: Date;
}

export interface BookingRuleFailure {
  rule: ContractRule;
  message: string;
}

export type BookingRuleCheck = (
  request: BookingPlacement,
  context: BookingRuleContext,
) => BookingRuleFailure | null;

/** Prices come from the quote (pricing), asked only once the request is known to be valid. */
export type BookingQuote = (request: BookingPlacement, context: BookingRuleContext) => Money;

/**
 * What the api loads from the catalog for a command that places a booking in time. The
 * decider does not look at other bookings: the reservations' exclusion constraint does.
 */
export interface BookingContext {
  venue: Venue;
  offering: Offering;
  /** The venue's resources (at least those the request names). */
  resources: readonly Resource[];
  checkRules: BookingRuleCheck;
  quote: BookingQuote;
}
