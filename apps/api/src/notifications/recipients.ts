import type { ExistingBooking } from "@booking/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { MailLanguage } from "../language/venue-language.ts";

/** Who a mail goes to: an account (null for a guest), an address, a language. */
export interface Recipient {
  userId: string | null;
  address: string;
  language: MailLanguage;
}

/** An address a mail can go to: not erased, not empty. */
function deliverable(address: string | null | undefined): address is string {
  return typeof address === "string" && /^[^@\s]+@[^@\s]+$/.test(address);
}

export function languageOf(
  chosen: string | null | undefined,
  fallback: MailLanguage,
): MailLanguage {
  return chosen === "de" || chosen === "en" ? chosen : fallback;
}

/**
 * The member or guest who booked, in their language (a guest's: the one their booking
 * carries), else the venue's. Nobody when their data is erased or their account is no
 * longer active.
 */
export async function bookerRecipient(
  booking: ExistingBooking,
  venueLanguage: MailLanguage,
  findMember: (userId: string) => Promise<MemberContact | undefined>,
): Promise<Recipient | undefined> {
  if ("guest" in booking.bookedBy) {
    const { email, language } = booking.bookedBy.guest;
    return deliverable(email)
      ? { userId: null, address: email, language: languageOf(language, venueLanguage) }
      : undefined;
  }
  const user = await findMember(booking.bookedBy.userId);
  return user && user.status === "active" && deliverable(user.email)
    ? { userId: user.id, address: user.email, language: languageOf(user.language, venueLanguage) }
    : undefined;
}

/** What a mail to a member needs of their account. */
export interface MemberContact {
  id: string;
  email: string | null;
  language: string | null;
  status: string;
}

/** A member's contact from the accounts' read model. */
export function findMemberContact(
  db: Kysely<Database>,
  userId: string,
): Promise<MemberContact | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "email", "language", "status"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** The owner and every active admin, with the language each chose (null: none). */
export async function staffMembers(
  db: Kysely<Database>,
): Promise<{ userId: string; address: string; chosenLanguage: string | null }[]> {
  const staff = await db
    .selectFrom("users")
    .select(["id", "email", "language"])
    .where("role", "in", ["owner", "admin"])
    .where("status", "=", "active")
    .orderBy("created_at")
    .execute();
  return staff.flatMap((user) =>
    deliverable(user.email)
      ? [{ userId: user.id, address: user.email, chosenLanguage: user.language }]
      : [],
  );
}

/** An approved account's holder, in their language or the one the first venue speaks. */
export async function accountRecipient(
  db: Kysely<Database>,
  userId: string,
  defaultLanguage: () => Promise<MailLanguage>,
): Promise<Recipient | undefined> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "language"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || !deliverable(user.email)) return undefined;
  const language =
    user.language === "de" || user.language === "en" ? user.language : await defaultLanguage();
  return { userId: user.id, address: user.email, language };
}
