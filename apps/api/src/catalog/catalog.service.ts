import { randomUUID } from "node:crypto";
import { parseLatLng } from "@booking/contracts";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { decodeCursor, encodeCursor, offsetCursor } from "../paging/cursor.ts";
import { listOfVenue, requireEntity, searchVenues, type VenueSearch } from "./catalog.queries.ts";
import type { CatalogKind } from "./catalog-kinds.ts";
import { runCatalogCommand } from "./catalog-stream.ts";

type Entity = Record<string, unknown>;

function metadata(ctx: AppContext, admin: UserPrincipal) {
  return { correlationId: ctx.requestId, actor: { userId: admin.userId } };
}

async function create<K extends CatalogKind>(
  ctx: AppContext,
  admin: UserPrincipal,
  kind: K,
  entity: Entity,
) {
  const id = randomUUID();
  const withId = { id, ...entity };
  await runCatalogCommand(
    ctx.deps.eventStore,
    kind,
    id,
    { type: "Create", entity: withId },
    ctx.now(),
    metadata(ctx, admin),
  );
  return requireEntity(ctx.deps.database.db, kind, id);
}

async function update<K extends CatalogKind>(
  ctx: AppContext,
  admin: UserPrincipal,
  kind: K,
  id: string,
  patch: Entity,
) {
  await requireEntity(ctx.deps.database.db, kind, id);
  await runCatalogCommand(
    ctx.deps.eventStore,
    kind,
    id,
    { type: "Update", patch },
    ctx.now(),
    metadata(ctx, admin),
  );
  return requireEntity(ctx.deps.database.db, kind, id);
}

export const createVenue = (ctx: AppContext, admin: UserPrincipal, venue: Entity) =>
  create(ctx, admin, "venue", venue);
export const updateVenue = (ctx: AppContext, admin: UserPrincipal, id: string, patch: Entity) =>
  update(ctx, admin, "venue", id, patch);
export const getVenue = (ctx: AppContext, id: string) =>
  requireEntity(ctx.deps.database.db, "venue", id);

export async function listVenues(
  ctx: AppContext,
  query: Omit<VenueSearch, "offset" | "near"> & {
    near?: string | undefined;
    cursor?: string | undefined;
  },
) {
  const offset = query.cursor ? decodeCursor(query.cursor, offsetCursor)[0] : 0;
  const near = query.near ? parseLatLng(query.near) : undefined;
  const rows = await searchVenues(ctx.deps.database.db, { ...query, near, offset });
  const items = rows.slice(0, query.limit).map((row) => row.data);
  return {
    items,
    nextCursor: rows.length > query.limit ? encodeCursor([offset + query.limit]) : null,
  };
}

export async function createResource(
  ctx: AppContext,
  admin: UserPrincipal,
  venueId: string,
  resource: Entity,
) {
  await requireEntity(ctx.deps.database.db, "venue", venueId);
  return create(ctx, admin, "resource", { venueId, ...resource });
}

export const updateResource = (ctx: AppContext, admin: UserPrincipal, id: string, patch: Entity) =>
  update(ctx, admin, "resource", id, patch);

export async function listResources(ctx: AppContext, venueId: string) {
  await requireEntity(ctx.deps.database.db, "venue", venueId);
  return {
    items: await listOfVenue(ctx.deps.database.db, "resource", venueId),
    nextCursor: null,
  };
}

/** An offering books resources of its own venue, priced in the venue's currency. */
async function checkOfferingFitsVenue(ctx: AppContext, venueId: string, offering: Entity) {
  const venue = await requireEntity(ctx.deps.database.db, "venue", venueId);
  const resourceIds = offering.resourceIds as string[] | undefined;
  if (resourceIds) {
    const own = new Set(
      (await listOfVenue(ctx.deps.database.db, "resource", venueId)).map((r) => r.id),
    );
    const foreign = resourceIds.filter((id) => !own.has(id));
    if (foreign.length > 0) {
      throw new AppError("VALIDATION_FAILED", "The offering names resources of another venue.", {
        details: { resourceIds: [`not resources of this venue: ${foreign.join(", ")}`] },
      });
    }
  }
  const price = offering.price as { currency: string } | undefined;
  if (price && price.currency !== venue.currency) {
    throw new AppError("VALIDATION_FAILED", "The price must be in the venue's currency.", {
      details: { "price.currency": [`must be ${String(venue.currency)}`] },
    });
  }
}

export async function createOffering(
  ctx: AppContext,
  admin: UserPrincipal,
  venueId: string,
  offering: Entity,
) {
  await checkOfferingFitsVenue(ctx, venueId, offering);
  return create(ctx, admin, "offering", { venueId, ...offering });
}

export async function updateOffering(
  ctx: AppContext,
  admin: UserPrincipal,
  id: string,
  patch: Entity,
) {
  const current = await requireEntity(ctx.deps.database.db, "offering", id);
  const otherMode = current.mode === "stay" ? "slot" : "stay";
  if (patch[otherMode] !== undefined) {
    throw new AppError("VALIDATION_FAILED", "The mode of an offering cannot change.", {
      details: { [otherMode]: [`this is a ${String(current.mode)} offering`] },
    });
  }
  await checkOfferingFitsVenue(ctx, String(current.venueId), patch);
  return update(ctx, admin, "offering", id, patch);
}

export const getOffering = (ctx: AppContext, id: string) =>
  requireEntity(ctx.deps.database.db, "offering", id);

export async function listOfferings(ctx: AppContext, venueId: string) {
  await requireEntity(ctx.deps.database.db, "venue", venueId);
  return {
    items: await listOfVenue(ctx.deps.database.db, "offering", venueId),
    nextCursor: null,
  };
}
