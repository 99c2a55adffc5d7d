import type { Offering, Resource } from "../catalog/catalog.types.ts";

/**
 * The resources that can serve a request for the offering: listed on it, active, and large
 * enough for the party when a guest count is given. In the offering's order, so listings
 * are stable whatever order the caller loads resources in.
 */
export function eligibleResources(
  offering: Offering,
  resources: readonly Resource[],
  guests?: number,
): Resource[] {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const eligible: Resource[] = [];
  for (const id of offering.resourceIds) {
    const resource = byId.get(id);
    if (resource === undefined || !resource.active) continue;
    if (guests !== undefined && resource.capacity < guests) continue;
    eligible.push(resource);
  }
  return eligible;
}

export function indexById(resources: readonly Resource[]): Map<string, number> {
  return new Map(resources.map((resource, index) => [resource.id, index]));
}
