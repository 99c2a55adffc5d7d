/**
 * Venues, resources and offerings change rarely and by admins only, but every change is
 * an event so that it has a history. One small decider serves all three: an entity is
 * created once, then updated by patches; an update that changes nothing records nothing.
 */
export type CatalogCommand<Entity, Patch> =
  | { type: "Create"; entity: Entity }
  | { type: "Update"; patch: Patch };

export type CatalogEvent<Entity, Patch> =
  | { type: "Created"; data: { entity: Entity; at: string } }
  | { type: "Updated"; data: { patch: Patch; at: string } };

export type CatalogFailure =
  | { code: "NOT_FOUND"; message: string }
  | { code: "INVALID_STATE"; message: string; details: { current: "exists" } };

export function decideCatalogEntity<Entity extends object, Patch extends Partial<Entity>>(
  command: CatalogCommand<Entity, Patch>,
  state: Entity | null,
  now: Date,
): CatalogEvent<Entity, Patch>[] | CatalogFailure {
  const at = now.toISOString();
  if (command.type === "Create") {
    if (state)
      return {
        code: "INVALID_STATE",
        message: "It exists already.",
        details: { current: "exists" },
      };
    return [{ type: "Created", data: { entity: command.entity, at } }];
  }
  if (!state) return { code: "NOT_FOUND", message: "It does not exist." };
  const changed = Object.fromEntries(
    Object.entries(command.patch).filter(
      ([key, value]) =>
        value !== undefined && !sameJson(value, (state as Record<string, unknown>)[key]),
    ),
  ) as Patch;
  return Object.keys(changed).length === 0
    ? []
    : [{ type: "Updated", data: { patch: changed, at } }];
}

export function evolveCatalogEntity<Entity extends object, Patch extends Partial<Entity>>(
  state: Entity | null,
  event: CatalogEvent<Entity, Patch>,
): Entity | null {
  if (event.type === "Created") return event.data.entity;
  return state ? { ...state, ...event.data.patch } : state;
}

// Catalog values are plain JSON (validated at the edge), so JSON equality is equality.
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
