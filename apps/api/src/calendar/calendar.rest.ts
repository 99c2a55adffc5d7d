import { idParamsSchema, venueCalendarQuerySchema, venueCalendarSchema } from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { calendarRouter } from "./calendar.trpc.ts";

export const calendarRoutes = [
  defineRestRoute({
    method: "get",
    path: "/venues/:id/calendar",
    operationId: "getVenueCalendar",
    summary:
      "A venue's bookings per resource in a local month: labelled for admins, anonymous busy times for members (read model; may lag the log)",
    tag: "Calendar",
    params: idParamsSchema,
    query: venueCalendarQuerySchema,
    output: venueCalendarSchema,
    successStatus: 200,
    procedure: calendarRouter.venue,
    handler: ({ call, input }) =>
      call(calendarRouter.venue, { venueId: input.params.id, month: input.query.month }),
  }),
];
