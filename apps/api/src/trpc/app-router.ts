import { authRouter } from "./routers/auth.router.ts";
import { availabilityRouter, bookingsRouter } from "./routers/bookings.router.ts";
import { offeringsRouter, resourcesRouter, venuesRouter } from "./routers/catalog.router.ts";
import { meRouter } from "./routers/me.router.ts";
import { systemRouter } from "./routers/system.router.ts";
import { usersRouter } from "./routers/users.router.ts";
import { createCallerFactory, router } from "./trpc.ts";

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
