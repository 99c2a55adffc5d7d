import { defineFeature } from "../app/feature.ts";
import { bookingJobs } from "./booking.jobs.ts";
import { bookingsProjection } from "./bookings.projection.ts";
import { bookingsRoutes } from "./bookings.rest.ts";
import { availabilityRouter, bookingsRouter } from "./bookings.trpc.ts";

export const bookingsFeature = defineFeature({
  name: "bookings",
  procedures: { availability: availabilityRouter, bookings: bookingsRouter },
  restRoutes: bookingsRoutes,
  inlineProjections: () => [bookingsProjection],
  jobs: bookingJobs,
});
