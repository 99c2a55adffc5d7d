import type { Role, User, UserStatus } from "@booking/contracts";
import type { UserCommand } from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { decodeCursor, encodeCursor, timeAndIdCursor } from "./cursor.ts";
import { transferOwnership } from "./ownership-transfer.service.ts";
import { requireUser, toUser, type UserRow } from "./user-read-model.ts";
import { runUserCommand } from "./user-stream.ts";

export async function listUsers(
  ctx: AppContext,
  query: { status?: UserStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: User[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, timeAndIdCursor) : undefined;
  const { rows } = await ctx.deps.database.pool.query<UserRow>(
    `SELECT * FROM users
     WHERE ($1::text IS NULL OR status = $1)
       AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
     ORDER BY created_at, id LIMIT $4`,
    [query.status ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
  );
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
  const pool = ctx.deps.database.pool;
  await requireUser(pool, userId);
  if (command.type === "ChangeUserRole" && command.role === "owner") {
    await transferOwnership(ctx, admin, userId);
    return toUser(await requireUser(pool, userId));
  }
  const actor = { userId: admin.userId, role: admin.role };
  await runUserCommand(
    ctx.deps.eventStore,
    { ...command, userId, actor } as UserCommand,
    ctx.now(),
    { correlationId: ctx.requestId, actor: { userId: admin.userId } },
  );
  return toUser(await requireUser(pool, userId));
}
