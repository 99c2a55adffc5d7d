import { defineFeature } from "../app/feature.ts";
import { authRoutes } from "./auth.rest.ts";
import { authRouter } from "./auth.trpc.ts";
import { meRoutes } from "./me.rest.ts";
import { meRouter } from "./me.trpc.ts";
import { createUsersProjection } from "./users.projection.ts";
import { usersRoutes } from "./users.rest.ts";
import { usersRouter } from "./users.trpc.ts";

/** Accounts: registration and login, the caller's own account, and user administration. */
export const usersFeature = defineFeature({
  name: "users",
  procedures: { auth: authRouter, me: meRouter, users: usersRouter },
  restRoutes: [...authRoutes, ...meRoutes, ...usersRoutes],
  inlineProjections: (secrets) => [createUsersProjection(secrets.emailLookupKey)],
});
