import {
  loginInputSchema,
  loginOutputSchema,
  registerInputSchema,
  userSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { login, logout, register } from "../../users/account.service.ts";
import { publicProcedure } from "../trpc.ts";

export const authRouter = {
  register: publicProcedure
    .input(registerInputSchema)
    .output(z.object({ user: userSchema }))
    .mutation(async ({ ctx, input }) => ({ user: await register(ctx, input) })),
  login: publicProcedure
    .input(loginInputSchema)
    .output(loginOutputSchema)
    .mutation(({ ctx, input }) => login(ctx, input)),
  logout: publicProcedure.output(z.void()).mutation(({ ctx }) => logout(ctx)),
} satisfies TRPCRouterRecord;
