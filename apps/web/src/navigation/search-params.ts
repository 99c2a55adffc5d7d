/** The search params of the pages that take any, checked: a bad value is dropped, not trusted. */

export interface VenueSearch {
  /** A prefix of postal codes, as typed. */
  postalCode?: string;
  /** `<lat>,<lng>`: list the nearest first. */
  near?: string;
}

export interface LoginSearch {
  /** The page to return to after logging in (checked again by `safeNextPath`). */
  next?: string;
}

const latLng = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

export function validateVenueSearch(search: Record<string, unknown>): VenueSearch {
  const postalCode = typeof search.postalCode === "string" ? search.postalCode.trim() : "";
  const near = typeof search.near === "string" && latLng.test(search.near) ? search.near : "";
  return {
    ...(postalCode !== "" && postalCode.length <= 20 ? { postalCode } : {}),
    ...(near !== "" ? { near } : {}),
  };
}

export function validateLoginSearch(search: Record<string, unknown>): LoginSearch {
  return typeof search.next === "string" ? { next: search.next } : {};
}
