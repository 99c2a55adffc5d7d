import type { UserEvent } from "@booking/domain";
import { defineInlineProjection, type RecordedEvent } from "@booking/eventstore";
import type { Kysely, Updateable } from "kysely";
import type { Database, UsersTable } from "../db/schema.ts";
import { emailLookupHash } from "./email-lookup.ts";

/** How an erased person appears in every read model (docs/api.md: "erased"). */
export const erasedPlaceholder = "erased";

/**
 * The `users` read model, written in the append's transaction: a second registration of
 * the same address violates the unique lookup hash and rolls the events back (EMAIL_TAKEN).
 */
export function createUsersProjection(emailLookupKey: Buffer) {
  return defineInlineProjection<Database, UserEvent>({
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
    async handle(events, { db }) {
      for (const event of events) await applyEvent(db, event, emailLookupKey);
    },
  });
}

async function applyEvent(
  db: Kysely<Database>,
  event: RecordedEvent<UserEvent>,
  emailLookupKey: Buffer,
): Promise<void> {
  const { userId, at } = event.data;
  /** Every event changes the row's version and time, and maybe more. */
  const update = (changes: Updateable<UsersTable>) =>
    db
      .updateTable("users")
      .set({ ...changes, updated_at: at, version: event.streamVersion })
      .where("id", "=", userId)
      .execute();
  switch (event.type) {
    case "UserRegistered":
    case "OwnerCreated": {
      const { email, name, phone, passwordHash, preferredLanguage } = event.data;
      const owner = event.type === "OwnerCreated";
      await db
        .insertInto("users")
        .values({
          id: userId,
          email_lookup: emailLookupHash(emailLookupKey, email),
          email,
          name,
          phone,
          language: preferredLanguage,
          role: owner ? "owner" : "member",
          status: owner ? "active" : "pending",
          password_hash: passwordHash,
          created_at: at,
          updated_at: at,
          version: event.streamVersion,
        })
        .execute();
      return;
    }
    case "UserApproved":
    case "UserEnabled":
      await update({ status: "active" });
      return;
    case "UserRejected":
      await update({ status: "rejected" });
      return;
    case "UserDisabled":
      await update({ status: "disabled" });
      return;
    case "UserRoleChanged":
      await update({ role: event.data.to });
      return;
    case "UserPasswordChanged":
      await update({ password_hash: event.data.passwordHash });
      return;
    case "UserProfileChanged": {
      // Only what the event names changes; null clears a field.
      const { name, phone, preferredLanguage } = event.data;
      await update({
        ...(name !== undefined ? { name } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(preferredLanguage !== undefined ? { language: preferredLanguage } : {}),
      });
      return;
    }
    case "UserErased":
      // Nothing of the person stays: the address is free again, credentials are dead.
      await update({
        status: "erased",
        email_lookup: null,
        email: erasedPlaceholder,
        name: erasedPlaceholder,
        phone: null,
        language: null,
        password_hash: null,
      });
      await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .execute();
      await db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .execute();
      return;
  }
}
