import {
  changeRoleInputSchema,
  idParamsSchema,
  listUsersQuerySchema,
  pageSchema,
  rejectUserInputSchema,
  userEnvelopeSchema,
  userSchema,
} from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { usersRouter } from "./users.trpc.ts";

const tag = "Users (admin)";

// The actions without a body differ only in path, summary and procedure.
const simpleActions = [
  { action: "approve", summary: "Approve a pending registration", call: "approve" },
  { action: "disable", summary: "Disable an account", call: "disable" },
  { action: "enable", summary: "Enable a disabled account again", call: "enable" },
] as const;

export const usersRoutes = [
  defineRestRoute({
    method: "get",
    path: "/users",
    operationId: "listUsers",
    summary: "Users, oldest first, optionally by status",
    tag,
    query: listUsersQuerySchema,
    output: pageSchema(userSchema),
    successStatus: 200,
    procedure: usersRouter.list,
    handler: ({ call, input }) => call(usersRouter.list, input.query),
  }),
  ...simpleActions.map(({ action, summary, call: name }) =>
    defineRestRoute({
      method: "post",
      path: `/users/:id/${action}`,
      operationId: `${action}User`,
      summary,
      tag,
      params: idParamsSchema,
      output: userEnvelopeSchema,
      successStatus: 200,
      procedure: usersRouter[name],
      handler: ({ call, input }) => call(usersRouter[name], input.params),
    }),
  ),
  defineRestRoute({
    method: "post",
    path: "/users/:id/reject",
    operationId: "rejectUser",
    summary: "Reject a pending registration (reason required)",
    tag,
    params: idParamsSchema,
    body: rejectUserInputSchema,
    output: userEnvelopeSchema,
    successStatus: 200,
    procedure: usersRouter.reject,
    handler: ({ call, input }) => call(usersRouter.reject, { ...input.params, ...input.body }),
  }),
  defineRestRoute({
    method: "post",
    path: "/users/:id/role",
    operationId: "changeUserRole",
    summary: "Change a user's role",
    tag,
    params: idParamsSchema,
    body: changeRoleInputSchema,
    output: userEnvelopeSchema,
    successStatus: 200,
    procedure: usersRouter.changeRole,
    handler: ({ call, input }) => call(usersRouter.changeRole, { ...input.params, ...input.body }),
  }),
];
