import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { type BookingEvent, bookingDecider, bookingExists, foldEvents } from "@booking/domain";
import { isErased } from "@booking/eventstore";
import type { Kysely, Selectable } from "kysely";
import { toBookingDto } from "../../bookings/booking-dto.ts";
import { bookingStreamId } from "../../bookings/booking-stream.ts";
import { findEntity, listOfVenue } from "../../catalog/catalog.queries.ts";
import type { AppDependencies } from "../../context/app-dependencies.ts";
import type { Database, NotificationKind, NotificationsTable } from "../../db/schema.ts";
import { findUserById } from "../../users/user-read-model.ts";
import { type Audience, bookingUrlFor, loginUrlOf } from "./booking-links.ts";
import type { MailLanguage } from "./mail-language.ts";
import { NotificationNotComposableError } from "./not-composable.ts";

export type BookingNotificationKind = Exclude<NotificationKind, "account_approved">;

/** Who made a booking event: a user, the guest, or the system. */
export type EventAuthor = BookingEvent["data"]["by"];

/** Whom the mail goes to. `name` is absent when unknown or erased. */
export interface Recipient {
  email: string;
  name: string | undefined;
}

/**
 * What a booking mail says, as it was true right after the event that owes the mail (a
 * reminder: as it is when it goes out).
 */
export interface BookingFacts {
  kind: BookingNotificationKind;
  language: MailLanguage;
  audience: Audience;
  recipient: Recipient;
  /**
   * The booking at the notification's `booking_version`; a reminder's at its latest
   * version.
   */
  booking: BookingDto;
  /** The booking just before that event, if it existed then (what a move moved from). */
  before: BookingDto | undefined;
  /** The event that owes the mail: which it was and who made it. */
  cause: { type: BookingEvent["type"]; by: EventAuthor };
  /** Why it was rejected or cancelled, as recorded; null when no reason was given. */
  reason: string | null;
  /** Catalog names as they are now (the catalog has no history). */
  venue: VenueDto;
  /** Absent only if the offering is gone from the catalog. */
  offering: OfferingDto | undefined;
  /** The booking's resources, in the booking's order. */
  resources: ResourceDto[];
  /** Who booked; a member's name and contact from the account as it is now. */
  booker: {
    kind: "member" | "guest";
    name: string | undefined;
    email: string | undefined;
    phone: string | undefined;
  };
  /** Where the recipient opens the booking (admin page, member page or guest manage link). */
  bookingUrl: string;
  publicUrl: string;
}

export interface AccountFacts {
  kind: "account_approved";
  language: MailLanguage;
  recipient: Recipient;
  loginUrl: string;
  publicUrl: string;
}

export type NotificationFacts = BookingFacts | AccountFacts;

type Notification = Selectable<NotificationsTable>;

/**
 * Everything the notification's mail needs, read once: the booking folded up to the row's
 * version (so a mail composed late still describes what happened then; a reminder up to
 * now), the catalog, the people. Throws NotificationNotComposableError when that cannot be
 * had.
 */
export async function loadNotificationFacts(
  deps: AppDependencies,
  notification: Notification,
): Promise<NotificationFacts> {
  const unable = (why: string) => new NotificationNotComposableError(notification.id, why);
  if (!notification.recipient || isErased(notification.recipient)) {
    throw unable("the recipient's address is erased");
  }
  const email = notification.recipient;
  const { kind } = notification;
  if (kind === "account_approved") {
    if (!notification.user_id) throw unable("an account mail names no user");
    const user = await findUserById(deps.database, notification.user_id);
    if (!user) throw unable("the user does not exist");
    return {
      kind,
      language: notification.language,
      recipient: { email, name: known(user.name) },
      loginUrl: loginUrlOf(deps.publicUrl()),
      publicUrl: deps.publicUrl(),
    };
  }
  return loadBookingFacts(deps, notification, kind, email, unable);
}

async function loadBookingFacts(
  deps: AppDependencies,
  notification: Notification,
  kind: BookingNotificationKind,
  email: string,
  unable: (why: string) => Error,
): Promise<BookingFacts> {
  const { booking_id: bookingId, booking_version: owedAt } = notification;
  if (!bookingId || !owedAt) throw unable("a booking mail names no booking version");
  // A reminder goes out a day before the start, long after the event that owed it: it
  // describes the booking as it is then (an edit since shows, and its calendar entry
  // carries the current SEQUENCE, so it cannot undo a newer one in the recipient's
  // calendar). A move, a cancellation or a rejection drops it instead.
  const current = kind === "booking_reminder";
  const events = await deps.eventStore.readStream<BookingEvent>(
    bookingStreamId(bookingId),
    current ? {} : { limit: owedAt },
  );
  const cause = events.at(-1);
  const version = current ? (cause?.streamVersion ?? 0) : owedAt;
  const state = foldEvents(bookingDecider, events);
  if (events.length < owedAt || !cause || !bookingExists(state)) {
    throw unable(`booking ${bookingId} has no version ${owedAt}`);
  }
  const previous = foldEvents(bookingDecider, events.slice(0, -1));
  const booking = toBookingDto(state, version);
  const db = deps.database.db;
  const [{ venue, offering, resources: venueResources }, bookerAccount, recipientAccount] =
    await Promise.all([
      recentCatalog(db, booking.venueId, booking.offeringId),
      "userId" in booking.bookedBy
        ? findUserById(deps.database, booking.bookedBy.userId)
        : Promise.resolve(undefined),
      notification.user_id ? findUserById(deps.database, notification.user_id) : undefined,
    ]);
  if (!venue) throw unable(`venue ${booking.venueId} does not exist`);
  const guest = "guest" in booking.bookedBy ? booking.bookedBy.guest : undefined;
  const booker: BookingFacts["booker"] = guest
    ? {
        kind: "guest",
        name: known(guest.name),
        email: known(guest.email),
        phone: known(guest.phone),
      }
    : {
        kind: "member",
        name: known(bookerAccount?.name),
        email: known(bookerAccount?.email),
        phone: known(bookerAccount?.phone),
      };
  const audience: Audience = kind === "booking_requested" ? "staff" : "booker";
  const recipientName = notification.user_id ? known(recipientAccount?.name) : booker.name;
  return {
    kind,
    language: notification.language,
    audience,
    recipient: { email, name: recipientName },
    booking,
    before: bookingExists(previous) ? toBookingDto(previous, version - 1) : undefined,
    cause: { type: cause.type, by: cause.data.by },
    reason: known(state.reason) ?? null,
    venue,
    offering,
    resources: booking.resourceIds.flatMap((id) => venueResources.filter((r) => r.id === id)),
    booker,
    bookingUrl: bookingUrlFor(deps.publicUrl(), audience, booking, deps.secrets),
    publicUrl: deps.publicUrl(),
  };
}

/** A value worth showing: not missing, not blank, not shredded by an erasure. */
function known(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === "" || isErased(trimmed) ? undefined : value;
}

/** The booker made the change themself (a guest with their token, or the member who booked). */
export function causedByBooker(facts: BookingFacts): boolean {
  const { by } = facts.cause;
  if ("guest" in by) return true;
  const { bookedBy } = facts.booking;
  return "userId" in by && "userId" in bookedBy && by.userId === bookedBy.userId;
}

type CatalogFacts = {
  venue: VenueDto | undefined;
  offering: OfferingDto | undefined;
  resources: ResourceDto[];
};

/** How long a mail may name a venue, an offering or a room as they were a moment ago. */
const CATALOG_MEMO_MS = 5_000;
const catalogMemo = new Map<string, { at: number; facts: Promise<CatalogFacts> }>();

/**
 * The booking's venue, offering and the venue's resources. A burst of mails is mostly
 * about one venue: they are read once per few seconds instead of once per mail (a rename
 * shows in mails composed a few seconds later).
 */
function recentCatalog(
  db: Kysely<Database>,
  venueId: string,
  offeringId: string,
): Promise<CatalogFacts> {
  const key = `${venueId}:${offeringId}`;
  const now = Date.now();
  const known = catalogMemo.get(key);
  if (known && now - known.at < CATALOG_MEMO_MS) return known.facts;
  if (catalogMemo.size >= 100) catalogMemo.clear();
  const facts = Promise.all([
    findEntity(db, "venue", venueId),
    findEntity(db, "offering", offeringId),
    listOfVenue(db, "resource", venueId),
  ]).then(([venue, offering, resources]) => ({ venue, offering, resources }));
  catalogMemo.set(key, { at: now, facts });
  facts.catch(() => catalogMemo.delete(key));
  return facts;
}
