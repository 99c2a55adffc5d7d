import { z } from "zod";

/** GET /stats/monthly: a calendar year of one venue. */
export const monthlyStatisticsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2200),
  venueId: z.uuid(),
});

const count = z.number().int().nonnegative();

/** One month of a venue's statistics; the definitions are in docs/api.md ("Statistics"). */
export const monthStatisticsSchema = z
  .object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    bookings: count.describe("Requested bookings starting in the month, whatever became of them"),
    guests: count,
    nights: count.describe("Room-nights of stays, appointments of slots"),
    revenue: count.describe("Minor units of the venue's currency"),
    confirmed: count.describe("Bookings that are confirmed or completed"),
    cancelled: count,
    occupancy: z.number().min(0).max(1),
  })
  .meta({ id: "MonthStatistics" });

export const monthlyStatisticsSchema = z
  .object({
    venueId: z.uuid(),
    year: z.number().int(),
    currency: z.string(),
    months: z.array(monthStatisticsSchema).length(12),
  })
  .meta({ id: "MonthlyStatistics" });

export type MonthlyStatistics = z.infer<typeof monthlyStatisticsSchema>;
export type MonthStatistics = z.infer<typeof monthStatisticsSchema>;
