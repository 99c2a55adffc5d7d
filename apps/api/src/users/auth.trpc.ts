import {
  loginInputSchema,
  loginOutputSchema,
  registerInputSchema,
  userSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc/trpc.ts";
import { login, logout, register } from "./account.service.ts";

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
