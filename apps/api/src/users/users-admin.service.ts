import type { Role, User, UserStatus } from "@booking/contracts";
import type { UserCommand } from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { decodeCursor, encodeCursor, timeAndIdCursor } from "./cursor.ts";
import { transferOwnership } from "./ownership-transfer.service.ts";
import { requireUser, toUser } from "./user-read-model.ts";
import { runUserCommand } from "./user-stream.ts";

export async function listUsers(
  ctx: AppContext,
  query: { status?: UserStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: User[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, timeAndIdCursor) : undefined;
  let select = ctx.deps.database.db
    .selectFrom("users")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .limit(query.limit + 1);
  if (query.status !== undefined) select = select.where("status", "=", query.status);
  if (after) {
    const [createdAt, id] = after;
    select = select.where((eb) =>
      eb(
        eb.refTuple("created_at", "id"),
        ">",
        eb.tuple(
          eb.cast<Date>(eb.val(createdAt), "timestamptz"),
          eb.cast<string>(eb.val(id), "uuid"),
        ),
      ),
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toUser),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.created_at.toISOString(), last.id])
        : null,
  };
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
  await runUserCommand(
    ctx.deps.eventStore,
    { ...command, userId, actor } as UserCommand,
    ctx.now(),
    { correlationId: ctx.requestId, actor: { userId: admin.userId } },
  );
  return toUser(await requireUser(database, userId));
}
