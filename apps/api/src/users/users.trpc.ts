import {
  changeRoleInputSchema,
  idSchema,
  listUsersQuerySchema,
  pageSchema,
  rejectUserInputSchema,
  userEnvelopeSchema,
  userSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { protectedProcedure } from "../trpc/trpc.ts";
import { administerUser, listUsers } from "./users-admin.service.ts";

const target = z.object({ id: idSchema });

export const usersRouter = {
  list: protectedProcedure("users:read")
    .input(listUsersQuerySchema)
    .output(pageSchema(userSchema))
    .query(({ ctx, input }) => listUsers(ctx, input)),
  approve: protectedProcedure("users:approve")
    .input(target)
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.user, input.id, { type: "ApproveUser" }),
    })),
  reject: protectedProcedure("users:approve")
    .input(target.extend(rejectUserInputSchema.shape))
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.user, input.id, {
        type: "RejectUser",
        reason: input.reason,
      }),
    })),
  changeRole: protectedProcedure("users:change-role")
    .input(target.extend(changeRoleInputSchema.shape))
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.user, input.id, {
        type: "ChangeUserRole",
        role: input.role,
      }),
    })),
  disable: protectedProcedure("users:disable")
    .input(target)
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.user, input.id, { type: "DisableUser" }),
    })),
  enable: protectedProcedure("users:disable")
    .input(target)
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.user, input.id, { type: "EnableUser" }),
    })),
} satisfies TRPCRouterRecord;
