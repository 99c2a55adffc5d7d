import { expect } from "vitest";
import type { restClient } from "./http-client.ts";
import { caughtUp } from "./projections.ts";

type Call = ReturnType<typeof restClient>;

export interface MonthFigures {
  month: string;
  bookings: number;
  guests: number;
  nights: number;
  revenue: number;
  confirmed: number;
  cancelled: number;
  occupancy: number;
}

/**
 * GET /stats/monthly for the venue and the year of `instant`, once the statistics
 * projection handled every committed event (so it shows all that happened before).
 */
export async function monthlyStatistics(
  call: Call,
  url: string,
  token: string,
  venueId: string,
  instant: string,
): Promise<MonthFigures[]> {
  await caughtUp(url, "statistics");
  const year = instant.slice(0, 4);
  const response = await call<{ months: MonthFigures[] }>(
    "GET",
    `/stats/monthly?year=${year}&venueId=${venueId}`,
    { token },
  );
  expect(response.status).toBe(200);
  return response.body.months;
}

/** The figures of the month `instant` (UTC ISO) falls in. */
export function monthOf(months: MonthFigures[], instant: string): MonthFigures | undefined {
  return months.find((entry) => entry.month === instant.slice(0, 7));
}
