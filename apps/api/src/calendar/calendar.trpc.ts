import { venueCalendarInputSchema, venueCalendarSchema } from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc/trpc.ts";
import { venueCalendar } from "./calendar.queries.ts";

export const calendarRouter = {
  // Members too: they see the taken times, anonymous except their own bookings.
  venue: procedure("member")
    .input(venueCalendarInputSchema)
    .output(venueCalendarSchema)
    .query(({ ctx, input }) => venueCalendar(ctx, input)),
} satisfies TRPCRouterRecord;
