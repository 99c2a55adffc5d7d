/**
 * The rooms free on every night of a range, besides the ones asked for: what else the
 * place could offer. (The request's own rooms are never among the free ones: a pending
 * request already keeps them.)
 */
export function otherFreeRooms(
  nights: readonly { freeResourceIds: readonly string[] }[],
  requested: readonly string[],
): string[] {
  const [first, ...rest] = nights;
  if (!first) return [];
  return first.freeResourceIds.filter(
    (id) => !requested.includes(id) && rest.every((night) => night.freeResourceIds.includes(id)),
  );
}

/** The places free at exactly the requested time, besides the requested ones. */
export function otherFreeAtStart(
  slots: readonly { start: string; freeResourceIds: readonly string[] }[],
  start: string,
  requested: readonly string[],
): string[] {
  const slot = slots.find((candidate) => Date.parse(candidate.start) === Date.parse(start));
  return slot ? slot.freeResourceIds.filter((id) => !requested.includes(id)) : [];
}
