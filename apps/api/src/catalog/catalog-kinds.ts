/**
 * The three catalog entities share one mechanism (stream, events, read-model table); this
 * is what differs between them. Table names are constants, never user input.
 */
export const catalogKinds = {
  venue: {
    stream: "venue",
    created: "VenueCreated",
    updated: "VenueUpdated",
    table: "venues",
    label: "venue",
  },
  resource: {
    stream: "resource",
    created: "ResourceCreated",
    updated: "ResourceUpdated",
    table: "resources",
    label: "resource",
  },
  offering: {
    stream: "offering",
    created: "OfferingCreated",
    updated: "OfferingUpdated",
    table: "offerings",
    label: "offering",
  },
} as const;

export type CatalogKind = keyof typeof catalogKinds;

export const catalogEventTypes = Object.values(catalogKinds).flatMap((kind) => [
  kind.created,
  kind.updated,
]);

export function kindOfEvent(type: string): CatalogKind | undefined {
  return (Object.keys(catalogKinds) as CatalogKind[]).find(
    (kind) => catalogKinds[kind].created === type || catalogKinds[kind].updated === type,
  );
}
