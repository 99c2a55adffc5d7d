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
import { procedure } from "../trpc/trpc.ts";
import { administerUser, listUsers } from "./users-admin.service.ts";

const target = z.object({ id: idSchema });

export const usersRouter = {
  list: procedure("admin")
    .input(listUsersQuerySchema)
    .output(pageSchema(userSchema))
    .query(({ ctx, input }) => listUsers(ctx, input)),
  approve: procedure("admin")
    .input(target)
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.principal, input.id, { type: "ApproveUser" }),
    })),
  reject: procedure("admin")
    .input(target.extend(rejectUserInputSchema.shape))
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.principal, input.id, {
        type: "RejectUser",
        reason: input.reason,
      }),
    })),
  changeRole: procedure("owner")
    .input(target.extend(changeRoleInputSchema.shape))
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.principal, input.id, {
        type: "ChangeUserRole",
        role: input.role,
      }),
    })),
  disable: procedure("admin")
    .input(target)
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.principal, input.id, { type: "DisableUser" }),
    })),
  enable: procedure("admin")
    .input(target)
    .output(userEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      user: await administerUser(ctx, ctx.principal, input.id, { type: "EnableUser" }),
    })),
} satisfies TRPCRouterRecord;
