import type { BookingStatus } from "../db/schema.ts";

/** One booking as one VEVENT (docs/api.md, "E-mail" and "Calendar feeds"). */
export interface CalendarEntry {
  /** The UID: a calendar that imports the booking again updates the same entry. */
  bookingId: string;
  /** The booking's version: grows with every change, so the newest import wins. */
  sequence: number;
  status: BookingStatus;
  /** UTC instants (ISO 8601). */
  start: string;
  end: string;
  /** The venue's IANA zone: times are written with its TZID and a VTIMEZONE. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  /** Where the booking is managed (PUBLIC_URL). */
  url?: string;
  /** DTSTAMP: when this version of the booking came to be. */
  updatedAt: string;
  createdAt: string;
}

export interface CalendarDocument {
  /** iTIP method: REQUEST for confirmations, CANCEL for cancellations; absent for feeds and downloads (PUBLISH). */
  method?: "REQUEST" | "CANCEL" | "PUBLISH";
  /** X-WR-CALNAME: what a subscribed calendar is called. */
  name?: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL: how often a subscribed calendar should be fetched. */
  refreshIntervalSeconds?: number;
  /** iTIP needs an organizer and an attendee for REQUEST and CANCEL. */
  organizer?: { name: string; email: string };
  attendee?: { name?: string; email: string };
  entries: readonly CalendarEntry[];
}
