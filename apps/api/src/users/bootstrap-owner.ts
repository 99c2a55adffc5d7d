import { randomBytes, randomUUID } from "node:crypto";
import { normalizeEmail } from "@booking/domain";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { hashPassword } from "../identity/password-hasher.ts";
import { ownerExists } from "./user-read-model.ts";
import { runUserCommand } from "./user-stream.ts";

/**
 * There is always an owner. With BOOKING_OWNER_EMAIL/PASSWORD the account is created from
 * them; without, a first start creates `owner@booking.local` with a random password and prints
 * it once, so a newcomer can log in and change it. Runs under an advisory lock so that
 * several processes starting together create one owner.
 */
export async function ensureOwner(
  deps: AppDependencies,
  print: (line: string) => void,
): Promise<void> {
  const client = await deps.database.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('booking:bootstrap-owner'))");
    if (await ownerExists(deps.database.pool)) return;
    const generated = deps.config.owner === undefined;
    const email = normalizeEmail(deps.config.owner?.email ?? "owner@booking.local");
    const password = deps.config.owner?.password ?? randomBytes(12).toString("base64url");
    const userId = randomUUID();
    await runUserCommand(
      deps.eventStore,
      {
        type: "CreateOwner",
        userId,
        actor: { system: true },
        email,
        name: "Owner",
        phone: null,
        passwordHash: await hashPassword(password),
      },
      new Date(),
      { correlationId: `bootstrap-${userId}`, actor: { system: true } },
    );
    deps.logger.info({ userId }, "owner account created");
    if (generated) {
      print(`Owner account created: log in as ${email} with the password ${password}`);
      print("(shown once; set BOOKING_OWNER_EMAIL and BOOKING_OWNER_PASSWORD to choose your own)");
    }
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(hashtext('booking:bootstrap-owner'))")
      .catch(() => undefined);
    client.release();
  }
}
