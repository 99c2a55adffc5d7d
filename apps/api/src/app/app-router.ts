import { availabilityRouter, bookingsRouter } from "../bookings/bookings.trpc.ts";
import { offeringsRouter, resourcesRouter, venuesRouter } from "../catalog/catalog.trpc.ts";
import { systemRouter } from "../system/system.trpc.ts";
import { createCallerFactory, router } from "../trpc/trpc.ts";
import { authRouter } from "../users/auth.trpc.ts";
import { meRouter } from "../users/me.trpc.ts";
import { usersRouter } from "../users/users.trpc.ts";

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  me: meRouter,
  users: usersRouter,
  venues: venuesRouter,
  resources: resourcesRouter,
  offerings: offeringsRouter,
  availability: availabilityRouter,
  bookings: bookingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
