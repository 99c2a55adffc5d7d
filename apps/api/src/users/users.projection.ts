import type { UserEvent } from "@booking/domain";
import { defineInlineProjection, type RecordedEvent } from "@booking/eventstore";
import type pg from "pg";
import { emailLookupHash } from "./email-lookup.ts";

/** How an erased person appears in every read model (api.md: "erased"). */
export const erasedPlaceholder = "erased";

/**
 * The `users` read model, written in the append's transaction: a second registration of
 * the same address violates the unique lookup hash and rolls the events back (EMAIL_TAKEN).
 */
export function createUsersProjection(emailLookupKey: Buffer) {
  return defineInlineProjection<unknown, UserEvent>({
    name: "users",
    eventTypes: [
      "UserRegistered",
      "OwnerCreated",
      "UserApproved",
      "UserRejected",
      "UserRoleChanged",
      "UserDisabled",
      "UserEnabled",
      "UserErased",
      "UserProfileChanged",
      "UserPasswordChanged",
    ],
    async handle(events, { client }) {
      for (const event of events) await applyEvent(client, event, emailLookupKey);
    },
  });
}

async function applyEvent(
  client: pg.PoolClient,
  event: RecordedEvent<UserEvent>,
  emailLookupKey: Buffer,
): Promise<void> {
  const { userId, at } = event.data;
  const touch = [userId, at, event.streamVersion];
  switch (event.type) {
    case "UserRegistered":
    case "OwnerCreated": {
      const { email, name, phone, passwordHash, preferredLanguage } = event.data;
      const owner = event.type === "OwnerCreated";
      await client.query(
        `INSERT INTO users (id, email_lookup, email, name, phone, language, role, status,
                            password_hash, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)`,
        [
          userId,
          emailLookupHash(emailLookupKey, email),
          email,
          name,
          phone,
          preferredLanguage,
          owner ? "owner" : "member",
          owner ? "active" : "pending",
          passwordHash,
          at,
          event.streamVersion,
        ],
      );
      return;
    }
    case "UserApproved":
    case "UserEnabled":
      return setStatus(client, touch, "active");
    case "UserRejected":
      return setStatus(client, touch, "rejected");
    case "UserDisabled":
      return setStatus(client, touch, "disabled");
    case "UserRoleChanged":
      await client.query(
        "UPDATE users SET role = $4, updated_at = $2, version = $3 WHERE id = $1",
        [...touch, event.data.to],
      );
      return;
    case "UserPasswordChanged":
      await client.query(
        "UPDATE users SET password_hash = $4, updated_at = $2, version = $3 WHERE id = $1",
        [...touch, event.data.passwordHash],
      );
      return;
    case "UserProfileChanged": {
      const { name, phone, preferredLanguage } = event.data;
      await client.query(
        `UPDATE users SET
           name = CASE WHEN $4 THEN $5 ELSE name END,
           phone = CASE WHEN $6 THEN $7 ELSE phone END,
           language = CASE WHEN $8 THEN $9 ELSE language END,
           updated_at = $2, version = $3
         WHERE id = $1`,
        [
          ...touch,
          name !== undefined,
          name ?? null,
          phone !== undefined,
          phone ?? null,
          preferredLanguage !== undefined,
          preferredLanguage ?? null,
        ],
      );
      return;
    }
    case "UserErased":
      // Nothing of the person stays: the address is free again, credentials are dead.
      await client.query(
        `UPDATE users SET status = 'erased', email_lookup = NULL, email = $4, name = $4,
           phone = NULL, language = NULL, password_hash = NULL, updated_at = $2, version = $3
         WHERE id = $1`,
        [...touch, erasedPlaceholder],
      );
      await client.query(
        "UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        [userId, at],
      );
      await client.query(
        "UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        [userId, at],
      );
      return;
  }
}

async function setStatus(client: pg.PoolClient, touch: unknown[], status: string): Promise<void> {
  await client.query("UPDATE users SET status = $4, updated_at = $2, version = $3 WHERE id = $1", [
    ...touch,
    status,
  ]);
}
