/** A resource an appointment can take place at (a bay, a room), as the booker sees it. */
export interface Place {
  id: string;
  name: string;
  capacity: number;
}

/**
 * Whether a slot suits the booker: one of its free resources holds the party and, when a
 * place was chosen, is that place. Resources unknown to the list (not loaded yet) count
 * only while no party size or place narrows the choice.
 */
export function slotFits(
  slot: { freeResourceIds: readonly string[] },
  places: readonly Place[],
  party: number,
  placeId: string,
): boolean {
  if (party <= 1 && !placeId) return slot.freeResourceIds.length > 0;
  return slot.freeResourceIds.some((id) => {
    const place = places.find((candidate) => candidate.id === id);
    return place !== undefined && place.capacity >= party && (!placeId || id === placeId);
  });
}

/** The largest party one place holds (1 when none is known), at most `limit`. */
export function largestParty(places: readonly Place[], limit: number): number {
  return Math.min(limit, Math.max(1, ...places.map((place) => place.capacity)));
}
