import {
  quoteSlot,
  quoteStay,
  slotAvailability,
  slotsOnDate,
  stayAvailability,
} from "@booking/domain";
import { AppError } from "../errors/app-error.ts";
import type { TrpcContext } from "../trpc/context.ts";
import { loadCatalog, loadCatalogWithReservations } from "./booking-context.ts";

export async function offeringAvailability(
  ctx: TrpcContext,
  input: { offeringId: string; from: string; to: string; guests?: number | undefined },
) {
  const catalog = await loadCatalogWithReservations(
    ctx.deps.database.pool,
    input.offeringId,
    input.from,
    input.to,
  );
  const { reservations } = catalog;
  const common = {
    venue: catalog.venue,
    resources: catalog.resources,
    reservations,
    from: input.from,
    to: input.to,
    now: ctx.now(),
    ...(input.guests !== undefined ? { guests: input.guests } : {}),
  };
  const { offering } = catalog;
  if (offering.mode === "stay") return { nights: stayAvailability({ ...common, offering }) };
  return { slots: slotAvailability({ ...common, offering }) };
}

export async function slotsForDate(ctx: TrpcContext, input: { offeringId: string; date: string }) {
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
  return {
    slots: slotsOnDate({
      offering,
      venue: catalog.venue,
      resources: catalog.resources,
      reservations,
      date: input.date,
      now: ctx.now(),
    }),
  };
}

/** The price without side effects: rooms × nights, guest surcharge, or the slot's price. */
export async function quote(
  ctx: TrpcContext,
  input: {
    offeringId: string;
    resourceIds?: string[] | undefined;
    checkIn?: string | undefined;
    checkOut?: string | undefined;
    guests: number;
  },
) {
  const catalog = await loadCatalog(ctx.deps.database.pool, input.offeringId);
  const { offering } = catalog;
  if (offering.mode === "slot") return { price: quoteSlot(offering) };
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
  return {
    price: quoteStay(offering, rooms, input.checkIn ?? "", input.checkOut ?? "", input.guests),
  };
}
