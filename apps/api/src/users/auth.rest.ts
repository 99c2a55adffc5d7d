import {
  loginInputSchema,
  loginOutputSchema,
  registerInputSchema,
  userEnvelopeSchema,
} from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { authRouter } from "./auth.trpc.ts";

const tag = "Auth";

export const authRoutes = [
  defineRestRoute({
    method: "post",
    path: "/auth/register",
    operationId: "register",
    summary: "Register an account; it waits for an administrator's approval",
    tag,
    body: registerInputSchema,
    output: userEnvelopeSchema,
    successStatus: 201,
    procedure: authRouter.register,
    handler: ({ call, input }) => call(authRouter.register, input.body),
  }),
  defineRestRoute({
    method: "post",
    path: "/auth/login",
    operationId: "login",
    summary: "Log in: returns a bearer token and sets the session cookie",
    tag,
    body: loginInputSchema,
    output: loginOutputSchema,
    successStatus: 200,
    procedure: authRouter.login,
    handler: ({ call, input }) => call(authRouter.login, input.body),
  }),
  defineRestRoute({
    method: "post",
    path: "/auth/logout",
    operationId: "logout",
    summary: "Log out: revokes the session and clears the cookie",
    tag,
    successStatus: 204,
    procedure: authRouter.logout,
    handler: ({ call }) => call(authRouter.logout, undefined),
  }),
];
