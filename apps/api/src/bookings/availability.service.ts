import {
  checkGuests,
  checkSlotRequest,
  checkStayRequest,
  quoteSlot,
  quoteStay,
  type RuleViolation,
  slotAvailability,
  slotsOnDate,
  stayAvailability,
} from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { cachedCatalog, loadCatalogWithReservations } from "./booking-context.ts";

/** What a read needs of a request: the dependencies and the clock. */
export type ReadContext = Pick<AppContext, "deps" | "now">;

export interface AvailabilityQuery {
  offeringId: string;
  from: string;
  to: string;
  guests?: number | undefined;
}

/**
 * The availability answer as JSON bytes, as the REST route sends it: from the read cache
 * while no reservation of the offering's resources and nothing in the catalog changed.
 */
export function offeringAvailabilityJson(
  ctx: ReadContext,
  input: AvailabilityQuery,
): Promise<Uint8Array> {
  const key = `availability|${input.offeringId}|${input.from}|${input.to}|${input.guests ?? ""}`;
  return ctx.deps.caches.availability.get(key, async () => {
    const catalog = await loadCatalogWithReservations(
      ctx.deps.database.pool,
      input.offeringId,
      input.from,
      input.to,
    );
    const common = {
      venue: catalog.venue,
      resources: catalog.resources,
      reservations: catalog.reservations,
      from: input.from,
      to: input.to,
      now: ctx.now(),
      ...(input.guests !== undefined ? { guests: input.guests } : {}),
    };
    const { offering } = catalog;
    const answer =
      offering.mode === "stay"
        ? { nights: stayAvailability({ ...common, offering }) }
        : { slots: slotAvailability({ ...common, offering }) };
    return cacheable(answer, offering.resourceIds);
  });
}

export async function offeringAvailability(ctx: ReadContext, input: AvailabilityQuery) {
  return fromJson(await offeringAvailabilityJson(ctx, input)) as
    | { nights: ReturnType<typeof stayAvailability> }
    | { slots: ReturnType<typeof slotAvailability> };
}

/** One day's free slots as JSON bytes, cached like availability. */
export function slotsForDateJson(
  ctx: ReadContext,
  input: { offeringId: string; date: string },
): Promise<Uint8Array> {
  return ctx.deps.caches.availability.get(`slots|${input.offeringId}|${input.date}`, async () => {
    const catalog = await loadCatalogWithReservations(
      ctx.deps.database.pool,
      input.offeringId,
      input.date,
      input.date,
    );
    const { offering, reservations } = catalog;
    if (offering.mode !== "slot") {
      throw new AppError("VALIDATION_FAILED", "This offering books nights, not slots.", {
        details: { id: ["is a stay offering; use /availability"] },
      });
    }
    const slots = slotsOnDate({
      offering,
      venue: catalog.venue,
      resources: catalog.resources,
      reservations,
      date: input.date,
      now: ctx.now(),
    });
    return cacheable({ slots }, offering.resourceIds);
  });
}

export async function slotsForDate(ctx: ReadContext, input: { offeringId: string; date: string }) {
  return fromJson(await slotsForDateJson(ctx, input)) as {
    slots: ReturnType<typeof slotsOnDate>;
  };
}

/** Tagged with the resources whose reservations it was computed from. */
function cacheable(answer: object, resourceIds: readonly string[]) {
  const value = Buffer.from(JSON.stringify(answer));
  return { value, tags: resourceIds, bytes: value.byteLength };
}

function fromJson(bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString());
}

/**
 * The price without side effects: rooms × nights, guest surcharge, or the slot's price. A
 * quote applies the booking's rules (party size, nights, timing, closures, capacity), so a
 * price is never shown for a booking that would be refused; free rooms are not checked.
 */
export async function quote(
  ctx: ReadContext,
  input: {
    offeringId: string;
    resourceIds?: string[] | undefined;
    checkIn?: string | undefined;
    checkOut?: string | undefined;
    start?: string | undefined;
    guests: number;
  },
) {
  const catalog = await cachedCatalog(ctx.deps, input.offeringId);
  const { offering, venue } = catalog;
  if (offering.mode === "slot") {
    const violation = input.start
      ? checkSlotRequest({
          offering,
          venue,
          start: input.start,
          guests: input.guests,
          now: ctx.now(),
          ...(input.resourceIds
            ? {
                resources: catalog.resources.filter((resource) =>
                  input.resourceIds?.includes(resource.id),
                ),
              }
            : {}),
        })
      : checkGuests(input.guests);
    refuseOn(violation);
    return { price: quoteSlot(offering) };
  }
  const problems: Record<string, string[]> = {};
  if (!input.checkIn) problems.checkIn = ["is required for a stay"];
  if (!input.checkOut) problems.checkOut = ["is required for a stay"];
  if (input.checkIn && input.checkOut && input.checkOut <= input.checkIn)
    problems.checkOut = ["must be after checkIn"];
  const rooms = catalog.resources.filter((room) => (input.resourceIds ?? []).includes(room.id));
  if (!input.resourceIds?.length || rooms.length !== input.resourceIds.length) {
    problems.resourceIds = ["must name rooms of this offering"];
  }
  if (Object.keys(problems).length > 0) {
    throw new AppError("VALIDATION_FAILED", "The quote request is not valid.", {
      details: problems,
    });
  }
  const checkIn = input.checkIn ?? "";
  const checkOut = input.checkOut ?? "";
  refuseOn(
    checkStayRequest({
      offering,
      venue,
      rooms,
      checkIn,
      checkOut,
      guests: input.guests,
      now: ctx.now(),
    }),
  );
  return { price: quoteStay(offering, rooms, checkIn, checkOut, input.guests) };
}

function refuseOn(violation: RuleViolation | null): void {
  if (violation) {
    throw new AppError("RULE_VIOLATION", violation.message, { details: violation.details });
  }
}
