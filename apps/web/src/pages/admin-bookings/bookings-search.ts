import type { BookingDto } from "@booking/contracts";

type Status = BookingDto["status"];

// Checked here without the contract's zod schema: this module loads with the router, and
// zod is not part of everyone's first load. A record, so that no status can be missing.
const knownStatuses: Record<Status, true> = {
  held: true,
  pending: true,
  confirmed: true,
  completed: true,
  rejected: true,
  cancelled: true,
  expired: true,
  no_show: true,
};

function isStatus(value: unknown): value is Status {
  return typeof value === "string" && Object.hasOwn(knownStatuses, value);
}

/** The filters of /admin/bookings, as the address keeps them (shareable, kept on reload). */
export interface AdminBookingsSearch {
  status?: Status;
  venueId?: string;
  /** Local dates `YYYY-MM-DD` of the venue: bookings that overlap [from, to). */
  from?: string;
  to?: string;
  /** Words of the booker's name or e-mail address, or of the notes. */
  q?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const localDate = /^\d{4}-\d{2}-\d{2}$/;

function isLocalDate(value: unknown): value is string {
  return typeof value === "string" && localDate.test(value) && !Number.isNaN(Date.parse(value));
}

/** Checks the filters of an address: a bad value is dropped, not sent to the api. */
export function validateAdminBookingsSearch(search: Record<string, unknown>): AdminBookingsSearch {
  const status = isStatus(search.status) ? search.status : undefined;
  const venueId = typeof search.venueId === "string" && uuid.test(search.venueId);
  const q = typeof search.q === "string" ? search.q.trim().slice(0, 200) : "";
  const from = isLocalDate(search.from) ? search.from : undefined;
  const to = isLocalDate(search.to) && (!from || search.to > from) ? search.to : undefined;
  return {
    ...(status ? { status } : {}),
    ...(venueId ? { venueId: String(search.venueId) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(q !== "" ? { q } : {}),
  };
}
