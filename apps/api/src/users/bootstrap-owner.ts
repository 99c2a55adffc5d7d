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
  // A session-level advisory lock: taken and released on one connection.
  await deps.database.db.connection().execute(async (connection) => {
    await connection
      .selectNoFrom((eb) =>
        eb.fn("pg_advisory_lock", [eb.fn("hashtext", [eb.val(lockKey)])]).as("locked"),
      )
      .execute();
    try {
      await createOwnerUnlessThereIsOne(deps, print);
    } finally {
      await connection
        .selectNoFrom((eb) =>
          eb
            .fn<boolean>("pg_advisory_unlock", [eb.fn("hashtext", [eb.val(lockKey)])])
            .as("unlocked"),
        )
        .execute()
        .catch(() => undefined);
    }
  });
}

const lockKey = "booking:bootstrap-owner";

async function createOwnerUnlessThereIsOne(
  deps: AppDependencies,
  print: (line: string) => void,
): Promise<void> {
  if (await ownerExists(deps.database.db)) return;
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
}
