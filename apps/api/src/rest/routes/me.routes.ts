import {
  apiTokenSchema,
  createApiTokenInputSchema,
  createdApiTokenSchema,
  idParamsSchema,
  pageSchema,
  userEnvelopeSchema,
} from "@booking/contracts";
import { z } from "zod";
import { defineRestRoute } from "../rest-route.ts";

const tag = "My account";

export const meRoutes = [
  defineRestRoute({
    method: "get",
    path: "/me",
    operationId: "getMe",
    summary: "The logged-in user",
    tag,
    output: userEnvelopeSchema,
    successStatus: 200,
    handler: ({ caller }) => caller.me.get(),
  }),
  defineRestRoute({
    method: "get",
    path: "/me/export",
    operationId: "exportMyData",
    summary: "Everything the system holds about the caller (profile, history, tokens, bookings)",
    tag,
    output: z.record(z.string(), z.unknown()),
    successStatus: 200,
    handler: ({ caller }) => caller.me.export(),
  }),
  defineRestRoute({
    method: "delete",
    path: "/me",
    operationId: "eraseMe",
    summary: "Erase the caller: personal data destroyed, credentials revoked",
    tag,
    successStatus: 204,
    handler: ({ caller }) => caller.me.erase(),
  }),
  defineRestRoute({
    method: "post",
    path: "/me/tokens",
    operationId: "createApiToken",
    summary: "Create a personal API token (its secret is shown only here)",
    tag,
    body: createApiTokenInputSchema,
    output: createdApiTokenSchema,
    successStatus: 201,
    handler: ({ caller, input }) => caller.me.tokens.create(input.body),
  }),
  defineRestRoute({
    method: "get",
    path: "/me/tokens",
    operationId: "listApiTokens",
    summary: "The caller's personal API tokens",
    tag,
    output: pageSchema(apiTokenSchema),
    successStatus: 200,
    handler: ({ caller }) => caller.me.tokens.list(),
  }),
  defineRestRoute({
    method: "delete",
    path: "/me/tokens/:id",
    operationId: "revokeApiToken",
    summary: "Revoke a personal API token",
    tag,
    params: idParamsSchema,
    successStatus: 204,
    handler: ({ caller, input }) => caller.me.tokens.revoke(input.params),
  }),
];
