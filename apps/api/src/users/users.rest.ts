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
    handler: ({ caller, input }) => caller.users.list(input.query),
  }),
  ...simpleActions.map(({ action, summary, call }) =>
    defineRestRoute({
      method: "post",
      path: `/users/:id/${action}`,
      operationId: `${action}User`,
      summary,
      tag,
      params: idParamsSchema,
      output: userEnvelopeSchema,
      successStatus: 200,
      handler: ({ caller, input }) => caller.users[call](input.params),
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
    handler: ({ caller, input }) => caller.users.reject({ ...input.params, ...input.body }),
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
    handler: ({ caller, input }) => caller.users.changeRole({ ...input.params, ...input.body }),
  }),
];
