import {
  apiTokenSchema,
  changePasswordInputSchema,
  createApiTokenInputSchema,
  createdApiTokenSchema,
  idParamsSchema,
  updateProfileInputSchema,
  userSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { clearedSessionCookie } from "../http/session-cookie.ts";
import { procedure } from "../trpc/trpc.ts";
import { currentUser } from "./account.service.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.service.ts";
import { eraseSelf, exportPersonalData } from "./personal-data.service.ts";
import { changePassword, updateProfile } from "./profile.service.ts";

const account = procedure("member");

export const meRouter = {
  get: account
    .output(z.object({ user: userSchema }))
    .query(async ({ ctx }) => ({ user: await currentUser(ctx, ctx.principal) })),
  update: account
    .input(updateProfileInputSchema)
    .output(z.object({ user: userSchema }))
    .mutation(async ({ ctx, input }) => ({ user: await updateProfile(ctx, ctx.principal, input) })),
  changePassword: account
    .input(changePasswordInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => changePassword(ctx, ctx.principal, input)),
  export: account
    .output(z.record(z.string(), z.unknown()))
    .query(({ ctx }) => exportPersonalData(ctx, ctx.principal)),
  erase: account.output(z.void()).mutation(async ({ ctx }) => {
    await eraseSelf(ctx, ctx.principal);
    ctx.setCookie(clearedSessionCookie(ctx.secureTransport));
  }),
  tokens: {
    create: account
      .input(createApiTokenInputSchema)
      .output(createdApiTokenSchema)
      .mutation(({ ctx, input }) => createApiToken(ctx, ctx.principal, input.name)),
    list: account
      .output(z.object({ items: z.array(apiTokenSchema), nextCursor: z.null() }))
      .query(async ({ ctx }) => ({
        items: await listApiTokens(ctx, ctx.principal),
        nextCursor: null,
      })),
    revoke: account
      .input(idParamsSchema)
      .output(z.void())
      .mutation(({ ctx, input }) => revokeApiToken(ctx, ctx.principal, input.id)),
  },
} satisfies TRPCRouterRecord;
