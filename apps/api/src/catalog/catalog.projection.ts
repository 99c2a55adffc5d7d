import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { defineInlineProjection } from "@booking/eventstore";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { type CatalogKind, catalogEventTypes, catalogKinds, kindOfEvent } from "./catalog-kinds.ts";

type CatalogEventData = {
  entity?: Record<string, unknown>;
  patch?: Record<string, unknown>;
  at: string;
};

/** Keeps venues, resources and offerings tables equal to the fold of their streams. */
export const catalogProjection = defineInlineProjection<
  Database,
  { type: string; data: CatalogEventData }
>({
  name: "catalog",
  eventTypes: catalogEventTypes,
  async handle(events, { db }) {
    for (const event of events) {
      const kind = kindOfEvent(event.type);
      if (!kind) continue;
      const created = event.type === catalogKinds[kind].created;
      const id = event.streamId.slice(catalogKinds[kind].stream.length + 1);
      const current = created ? {} : await readData(db, kind, id);
      const data = created ? (event.data.entity ?? {}) : { ...current, ...event.data.patch };
      await write(db, kind, id, data, event.streamVersion, event.data.at);
    }
  },
});

async function readData(db: Kysely<Database>, kind: CatalogKind, id: string) {
  const row = await db
    .selectFrom(catalogKinds[kind].table)
    .select("data")
    .where("id", "=", id)
    .executeTakeFirst();
  return (row?.data ?? {}) as Record<string, unknown>;
}

async function write(
  db: Kysely<Database>,
  kind: CatalogKind,
  id: string,
  data: Record<string, unknown>,
  version: number,
  at: string,
): Promise<void> {
  if (kind === "venue") {
    const address = data.address as { postalCode?: string } | undefined;
    const location = data.location as { lat: number; lng: number } | undefined;
    await db
      .insertInto("venues")
      .values({
        id,
        // The fold of events whose entities and patches the contracts validated.
        data: data as unknown as VenueDto,
        name: data.name as string,
        postal_code: address?.postalCode ?? null,
        lat: location?.lat ?? null,
        lng: location?.lng ?? null,
        version,
        created_at: at,
        updated_at: at,
      })
      .onConflict((conflict) =>
        conflict.column("id").doUpdateSet((eb) => ({
          data: eb.ref("excluded.data"),
          name: eb.ref("excluded.name"),
          postal_code: eb.ref("excluded.postal_code"),
          lat: eb.ref("excluded.lat"),
          lng: eb.ref("excluded.lng"),
          version: eb.ref("excluded.version"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
    return;
  }
  await db
    .insertInto(catalogKinds[kind].table)
    .values({
      id,
      venue_id: data.venueId as string,
      // As above: validated entities and patches.
      data: data as unknown as ResourceDto | OfferingDto,
      version,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.column("id").doUpdateSet((eb) => ({
        data: eb.ref("excluded.data"),
        version: eb.ref("excluded.version"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}
