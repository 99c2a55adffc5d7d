import {
  loginInputSchema,
  loginOutputSchema,
  registerInputSchema,
  userSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { clearedSessionCookie, sessionCookie } from "../http/session-cookie.ts";
import { procedure } from "../trpc/trpc.ts";
import { login, logout, register } from "./account.service.ts";

export const authRouter = {
  register: procedure("anyone")
    .input(registerInputSchema)
    .output(z.object({ user: userSchema }))
    .mutation(async ({ ctx, input }) => ({ user: await register(ctx, input) })),
  login: procedure("anyone")
    .input(loginInputSchema)
    .output(loginOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await login(ctx, input);
      // The web app authenticates with the cookie; scripts use the returned token.
      ctx.setCookie(sessionCookie(session.token, new Date(session.expiresAt), ctx.secureTransport));
      return session;
    }),
  logout: procedure("anyone")
    .output(z.void())
    .mutation(async ({ ctx }) => {
      await logout(ctx);
      ctx.setCookie(clearedSessionCookie(ctx.secureTransport));
    }),
} satisfies TRPCRouterRecord;
