import type { Role, User, UserStatus } from "@booking/contracts";
import type pg from "pg";
import { AppError } from "../errors/app-error.ts";

export interface UserRow {
  id: string;
  email_lookup: string | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  language: string | null;
  role: Role;
  status: UserStatus;
  password_hash: string | null;
  created_at: Date;
}

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

export async function findUserById(pool: pg.Pool, id: string): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>({
    name: "user_by_id",
    text: "SELECT * FROM users WHERE id = $1",
    values: [id],
  });
  return rows[0];
}

export async function findUserByEmailLookup(
  pool: pg.Pool,
  emailLookup: string,
): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>({
    name: "user_by_email_lookup",
    text: "SELECT * FROM users WHERE email_lookup = $1",
    values: [emailLookup],
  });
  return rows[0];
}

export async function requireUser(pool: pg.Pool, id: string): Promise<UserRow> {
  const row = await findUserById(pool, id);
  if (!row) throw new AppError("NOT_FOUND", "No such user.");
  return row;
}

export async function ownerExists(pool: pg.Pool): Promise<boolean> {
  const { rowCount } = await pool.query("SELECT 1 FROM users WHERE role = 'owner'");
  return (rowCount ?? 0) > 0;
}
