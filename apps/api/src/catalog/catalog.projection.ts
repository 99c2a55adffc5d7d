import { defineInlineProjection } from "@booking/eventstore";
import type pg from "pg";
import { type CatalogKind, catalogEventTypes, catalogKinds, kindOfEvent } from "./catalog-kinds.ts";

type CatalogEventData = {
  entity?: Record<string, unknown>;
  patch?: Record<string, unknown>;
  at: string;
};

/** Keeps venues, resources and offerings tables equal to the fold of their streams. */
export const catalogProjection = defineInlineProjection<
  unknown,
  { type: string; data: CatalogEventData }
>({
  name: "catalog",
  eventTypes: catalogEventTypes,
  async handle(events, { client }) {
    for (const event of events) {
      const kind = kindOfEvent(event.type);
      if (!kind) continue;
      const created = event.type === catalogKinds[kind].created;
      const id = event.streamId.slice(catalogKinds[kind].stream.length + 1);
      const current = created ? {} : await readData(client, kind, id);
      const data = created ? (event.data.entity ?? {}) : { ...current, ...event.data.patch };
      await write(client, kind, id, data, event.streamVersion, event.data.at);
    }
  },
});

async function readData(client: pg.PoolClient, kind: CatalogKind, id: string) {
  const { rows } = await client.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM ${catalogKinds[kind].table} WHERE id = $1`,
    [id],
  );
  return rows[0]?.data ?? {};
}

async function write(
  client: pg.PoolClient,
  kind: CatalogKind,
  id: string,
  data: Record<string, unknown>,
  version: number,
  at: string,
): Promise<void> {
  if (kind === "venue") {
    const address = data.address as { postalCode?: string } | undefined;
    const location = data.location as { lat: number; lng: number } | undefined;
    await client.query(
      `INSERT INTO venues (id, data, name, postal_code, lat, lng, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (id) DO UPDATE SET data = $2, name = $3, postal_code = $4, lat = $5, lng = $6,
         version = $7, updated_at = $8`,
      [
        id,
        data,
        data.name,
        address?.postalCode ?? null,
        location?.lat ?? null,
        location?.lng ?? null,
        version,
        at,
      ],
    );
    return;
  }
  const table = catalogKinds[kind].table;
  await client.query(
    `INSERT INTO ${table} (id, venue_id, data, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (id) DO UPDATE SET data = $3, version = $4, updated_at = $5`,
    [id, data.venueId, data, version, at],
  );
}
