import type { Role, User, UserStatus } from "@booking/contracts";
import type { AppContext } from "../context/app-context.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { type Page, type PageRequest, pageByCreation } from "../paging/page-by-creation.ts";
import { transferOwnership } from "./ownership-transfer.service.ts";
import { requireUser, toUser } from "./user-read-model.ts";
import { runUserCommand } from "./user-stream.ts";

/** Every account in order of registration, optionally of one status. */
export function listUsers(
  ctx: AppContext,
  query: PageRequest & { status?: UserStatus | undefined },
): Promise<Page<User>> {
  let select = ctx.deps.database.db.selectFrom("users").selectAll();
  if (query.status !== undefined) select = select.where("status", "=", query.status);
  return pageByCreation(select, query, "oldest first", toUser);
}

type AdminCommand =
  | { type: "ApproveUser" }
  | { type: "RejectUser"; reason: string }
  | { type: "DisableUser" }
  | { type: "EnableUser" }
  | { type: "ChangeUserRole"; role: Role };

/** Runs an admin's command on another user; the decider decides who may do what. */
export async function administerUser(
  ctx: AppContext,
  admin: UserPrincipal,
  userId: string,
  command: AdminCommand,
): Promise<User> {
  const { database } = ctx.deps;
  await requireUser(database, userId);
  if (command.type === "ChangeUserRole" && command.role === "owner") {
    await transferOwnership(ctx, admin, userId);
    return toUser(await requireUser(database, userId));
  }
  const actor = { userId: admin.userId, role: admin.role };
  await runUserCommand(ctx.deps.eventStore, { ...command, userId, actor }, ctx.now(), {
    correlationId: ctx.requestId,
    actor: { userId: admin.userId },
  });
  return toUser(await requireUser(database, userId));
}
