export interface LatLng {
  lat: number;
  lng: number;
}

/** `"54.16,10.42"` as numbers; the search param was checked before it got here. */
export function parseLatLng(value: string): LatLng {
  const [lat = 0, lng = 0] = value.split(",").map(Number);
  return { lat, lng };
}

const earthRadiusKm = 6371;

/**
 * Great-circle distance (haversine). The api orders venues by distance but does not say
 * how far they are; for a list of nearby places this is precise enough.
 */
export function distanceKm(from: LatLng, to: LatLng): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(to.lat - from.lat);
  const dLng = rad(to.lng - from.lng);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.sqrt(a));
}

/**
 * Coordinates rounded to about 100 m before they go into the URL (and the server's logs):
 * enough to sort places by distance, too coarse to point at someone's door.
 */
export function nearParam(position: LatLng): string {
  return `${position.lat.toFixed(3)},${position.lng.toFixed(3)}`;
}
