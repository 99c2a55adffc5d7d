/** The statistics' search params, checked: a bad value is dropped, not trusted. */
export interface StatisticsSearch {
  /** The venue shown; absent: the first one. */
  venueId?: string;
  /** The calendar year; absent: the venue's current year. */
  year?: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateStatisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  const year = Number(search.year);
  return {
    ...(typeof search.venueId === "string" && uuid.test(search.venueId)
      ? { venueId: search.venueId.toLowerCase() }
      : {}),
    // The years the api answers for.
    ...(Number.isInteger(year) && year >= 2000 && year <= 2200 ? { year } : {}),
  };
}
