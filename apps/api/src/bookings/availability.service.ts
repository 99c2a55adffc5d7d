import {
  type BlockingReservation,
  type LocalDate,
  quoteSlot,
  quoteStay,
  slotAvailability,
  slotsOnDate,
  stayAvailability,
} from "@booking/domain";
import type pg from "pg";
import { AppError } from "../errors/app-error.ts";
import type { TrpcContext } from "../trpc/context.ts";
import { type Catalog, loadCatalog } from "./booking-context.ts";

/**
 * The blocking reservations of the offering's resources around [from, to): one indexed
 * range query (the exclusion constraint's GiST index), then pure functions sweep them.
 * Epoch numbers, not ISO strings: parsing dates dominates otherwise.
 */
async function blockingReservations(
  pool: pg.Pool,
  catalog: Catalog,
  from: LocalDate,
  to: LocalDate,
): Promise<BlockingReservation[]> {
  const { rows } = await pool.query<{ resource_id: string; start_ms: string; end_ms: string }>({
    name: "blocking_reservations",
    text: `SELECT resource_id, (extract(epoch FROM lower(period)) * 1000)::bigint AS start_ms,
                  (extract(epoch FROM upper(period)) * 1000)::bigint AS end_ms
           FROM reservations
           WHERE blocking AND resource_id = ANY($1::uuid[])
             AND period && tstzrange(($2::date - 2)::timestamptz, ($3::date + 2)::timestamptz)`,
    values: [catalog.offering.resourceIds, from, to],
  });
  return rows.map((row) => ({
    resourceId: row.resource_id,
    start: Number(row.start_ms),
    end: Number(row.end_ms),
  }));
}

export async function offeringAvailability(
  ctx: TrpcContext,
  input: { offeringId: string; from: string; to: string; guests?: number | undefined },
) {
  const pool = ctx.deps.database.pool;
  const catalog = await loadCatalog(pool, input.offeringId);
  const reservations = await blockingReservations(pool, catalog, input.from, input.to);
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
  const pool = ctx.deps.database.pool;
  const catalog = await loadCatalog(pool, input.offeringId);
  const { offering } = catalog;
  if (offering.mode !== "slot") {
    throw new AppError("VALIDATION_FAILED", "This offering books nights, not slots.", {
      details: { id: ["is a stay offering; use /availability"] },
    });
  }
  const reservations = await blockingReservations(pool, catalog, input.date, input.date);
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
