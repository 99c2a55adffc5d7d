/** The calendar's search params, checked: a bad value is dropped, not trusted. */
export interface CalendarSearch {
  /** The venue shown; absent: the first one. */
  venueId?: string;
  /** `YYYY-MM`; absent: the venue's current month. */
  month?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The years the api answers for (2000–2200).
const month = /^(2[01]\d\d|2200)-(0[1-9]|1[0-2])$/;

export function validateCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  return {
    ...(typeof search.venueId === "string" && uuid.test(search.venueId)
      ? { venueId: search.venueId.toLowerCase() }
      : {}),
    ...(typeof search.month === "string" && month.test(search.month)
      ? { month: search.month }
      : {}),
  };
}
