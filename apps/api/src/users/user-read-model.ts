import type { User } from "@booking/contracts";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../db/database.ts";
import { executePrepared } from "../db/prepared.ts";
import type { Database as Tables, UsersTable } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";

export type UserRow = Selectable<UsersTable>;

/** The typed queries and the pool their named statements run on (the same pool). */
type ReadModel = Pick<Database, "db" | "pool">;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email ?? "erased",
    name: row.name ?? "erased",
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.language === "de" || row.language === "en" ? { language: row.language } : {}),
    role: row.role,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** A user by id, as a named prepared statement (db/prepared.ts). */
export async function findUserById(database: ReadModel, id: string): Promise<UserRow | undefined> {
  const query = database.db.selectFrom("users").selectAll().where("id", "=", id);
  const { rows } = await executePrepared(database.pool, "user_by_id", query);
  return rows[0];
}

/** The user with this e-mail lookup hash (every login and registration asks), prepared. */
export async function findUserByEmailLookup(
  database: ReadModel,
  emailLookup: string,
): Promise<UserRow | undefined> {
  const query = database.db.selectFrom("users").selectAll().where("email_lookup", "=", emailLookup);
  const { rows } = await executePrepared(database.pool, "user_by_email_lookup", query);
  return rows[0];
}

export async function requireUser(database: ReadModel, id: string): Promise<UserRow> {
  const row = await findUserById(database, id);
  if (!row) throw new AppError("NOT_FOUND", "No such user.");
  return row;
}

export async function ownerExists(db: Kysely<Tables>): Promise<boolean> {
  const owner = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "owner")
    .limit(1)
    .executeTakeFirst();
  return owner !== undefined;
}
