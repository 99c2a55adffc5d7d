import { randomUUID } from "node:crypto";
import type { VenueDto } from "@booking/contracts";
import {
  BOOKING_EVENT_TYPES,
  type BookingEvent,
  type BookingState,
  bookingDecider,
  bookingExists,
  type ExistingBooking,
  evolveBooking,
  type NotificationKind,
  notificationsOwed,
  type UserApproved,
} from "@booking/domain";
import type { RecordedEvent, SubscriptionContext, SubscriptionRunner } from "@booking/eventstore";
import { type Insertable, type Kysely, sql } from "kysely";
import type { BackgroundWorker } from "../app/feature.ts";
import { bookingStreamId } from "../bookings/booking-stream.ts";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { Database, NotificationsTable } from "../db/schema.ts";
import { type MailLanguage, venueLanguage } from "../language/venue-language.ts";
import { holdsSubscription, trackLeadership } from "../observability/leadership.ts";
import { countProcessedEvents } from "../projections/projection-metrics.ts";
import { notificationMessageId } from "./message-id.ts";
import {
  accountRecipient,
  bookerRecipient,
  findMemberContact,
  languageOf,
  type MemberContact,
  type Recipient,
  staffMembers,
} from "./recipients.ts";

/** The subscription's name: its checkpoint, lease and lag go by it. */
export const NOTIFICATIONS_SUBSCRIPTION = "notifications";

/** The channel a committed batch announces new mail on (the sender listens). */
export const NOTIFICATIONS_DUE_CHANNEL = "booking_notifications_due";

type ReactorEvent = RecordedEvent<BookingEvent | UserApproved>;

const bookingEventTypes: ReadonlySet<string> = new Set(BOOKING_EVENT_TYPES);

/**
 * Turns events into mails owed (docs/adr/0012): a subscription on the global log that
 * writes `notifications` rows in the transaction that moves its checkpoint, so each event
 * owes its mails exactly once even across crashes, and the unique Message-ID makes a
 * second insert of the same mail a no-op. It only decides *who* gets *what*; composing and
 * sending are the sender's. A new installation's reactor starts at the end of the log: the
 * past owes no mail.
 */
export function notificationsReactor(deps: AppDependencies): BackgroundWorker {
  const { eventStore: store, logger } = deps;
  let runner: SubscriptionRunner | undefined;
  let stopped = false;
  let starting: Promise<void> | undefined;

  async function startAtEndThenRun(): Promise<void> {
    while (!stopped) {
      try {
        await store.startSubscriptionAtEnd(NOTIFICATIONS_SUBSCRIPTION);
        break;
      } catch (error) {
        logger.warn({ err: error }, "notifications reactor cannot start yet; retrying");
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    if (stopped) return;
    const started: SubscriptionRunner = store.subscribe<Database, BookingEvent | UserApproved>({
      name: NOTIFICATIONS_SUBSCRIPTION,
      batchSize: 200,
      handle: countProcessedEvents(
        deps.metrics.registry,
        NOTIFICATIONS_SUBSCRIPTION,
        () => started.status().position,
        (events: ReactorEvent[], context: SubscriptionContext<Database>) =>
          reactTo(deps, events, context.db),
      ),
      onError: (error) => logger.error({ err: error }, "notifications reactor stopped"),
    });
    runner = started;
    trackLeadership(deps.metrics.registry, `reactor:${NOTIFICATIONS_SUBSCRIPTION}`, () =>
      holdsSubscription(started),
    );
    runner.start();
  }

  return {
    name: "notifications-reactor",
    start() {
      stopped = false;
      starting = startAtEndThenRun();
    },
    async stop() {
      stopped = true;
      await starting;
      await runner?.stop();
    },
  };
}

async function reactTo(
  deps: AppDependencies,
  events: ReactorEvent[],
  db: Kysely<Database>,
): Promise<void> {
  const mine = events.filter(
    (event) => event.type === "UserApproved" || bookingEventTypes.has(event.type),
  );
  if (mine.length === 0) return;
  const batch = new OwedMails(deps, db);
  const histories = await bookingHistories(deps, mine);
  for (const event of mine) {
    if (event.type === "UserApproved") {
      const recipient = await accountRecipient(db, event.data.userId, () =>
        batch.defaultLanguage(),
      );
      if (recipient) batch.add("account_approved", event, recipient);
      continue;
    }
    const history = histories.get(event.data.bookingId) ?? [];
    const before = foldUpTo(history, event.streamVersion - 1);
    const after = foldUpTo(history, event.streamVersion);
    if (!bookingExists(after)) continue;
    const next = history[event.streamVersion];
    const confirmedAtOnce =
      next?.type === "BookingConfirmed" && next.transactionId === event.transactionId;
    const owed = notificationsOwed(event as RecordedEvent<BookingEvent>, before, after, {
      confirmedAtOnce,
    });
    if (owed.dropReminders) await batch.dropReminders(after.bookingId);
    for (const mail of owed.mails) {
      const language = await batch.venueLanguageOf(after.venueId);
      const recipients =
        mail.to === "staff"
          ? await batch.staff(language)
          : [await bookerRecipient(after, language, (id) => batch.member(id))].filter(
              (r) => r !== undefined,
            );
      for (const recipient of recipients) {
        batch.add(mail.kind, event, recipient, { booking: after, dueAt: mail.dueAt });
      }
    }
  }
  await batch.write();
}

/**
 * The history of each booking the batch speaks of. A booking created in this batch needs
 * no read: its events are all here. Otherwise (a confirmation days later, say) its stream
 * is read once, whole; so is a new booking whose last event here is its request, as what
 * the request owes depends on whether the same decision confirmed it, which the next batch
 * may hold.
 */
async function bookingHistories(
  deps: AppDependencies,
  events: ReactorEvent[],
): Promise<Map<string, RecordedEvent<BookingEvent>[]>> {
  const inBatch = new Map<string, RecordedEvent<BookingEvent>[]>();
  for (const event of events) {
    if (event.type === "UserApproved") continue;
    const list = inBatch.get(event.data.bookingId) ?? [];
    list.push(event as RecordedEvent<BookingEvent>);
    inBatch.set(event.data.bookingId, list);
  }
  const histories = new Map<string, RecordedEvent<BookingEvent>[]>();
  for (const [id, list] of inBatch) {
    const whole = list[0]?.streamVersion === 1 && list.at(-1)?.type !== "BookingRequested";
    histories.set(
      id,
      whole ? list : await deps.eventStore.readStream<BookingEvent>(bookingStreamId(id)),
    );
  }
  return histories;
}

function foldUpTo(history: RecordedEvent<BookingEvent>[], version: number): BookingState {
  let state: BookingState = bookingDecider.initialState;
  for (const event of history) {
    if (event.streamVersion > version) break;
    state = evolveBooking(state, event);
  }
  return state;
}

/** The rows one batch owes, written together; lookups cached for the batch. */
class OwedMails {
  private readonly rows: Insertable<NotificationsTable>[] = [];
  private readonly venueLanguages = new Map<string, MailLanguage>();
  private readonly members = new Map<string, Promise<MemberContact | undefined>>();
  private staffMembers: Awaited<ReturnType<typeof staffMembers>> | undefined;
  private readonly now = new Date();
  private readonly deps: AppDependencies;
  private readonly db: Kysely<Database>;

  constructor(deps: AppDependencies, db: Kysely<Database>) {
    this.deps = deps;
    this.db = db;
  }

  add(
    kind: NotificationKind,
    event: ReactorEvent,
    recipient: Recipient,
    about?: { booking: ExistingBooking; dueAt: string | undefined },
  ): void {
    const due = about?.dueAt ?? this.now.toISOString();
    this.rows.push({
      id: randomUUID(),
      kind,
      event_id: event.eventId,
      booking_id: about?.booking.bookingId ?? null,
      booking_version: about ? event.streamVersion : null,
      user_id: recipient.userId,
      recipient: recipient.address,
      language: recipient.language,
      message_id: notificationMessageId(
        kind,
        event.eventId,
        recipient.userId,
        this.deps.config.mailFrom,
      ),
      status: "pending",
      created_at: this.now,
      due_at: due,
      next_attempt_at: due,
    });
  }

  /** Reminders of this booking not yet sent, in the table and in this batch. */
  async dropReminders(bookingId: string): Promise<void> {
    for (let i = this.rows.length - 1; i >= 0; i -= 1) {
      const row = this.rows[i];
      if (row?.booking_id === bookingId && row.kind === "booking_reminder") this.rows.splice(i, 1);
    }
    await this.db
      .updateTable("notifications")
      .set({ status: "cancelled", updated_at: new Date() })
      .where("booking_id", "=", bookingId)
      .where("kind", "=", "booking_reminder")
      .where("status", "=", "pending")
      .execute();
  }

  async venueLanguageOf(venueId: string): Promise<MailLanguage> {
    let language = this.venueLanguages.get(venueId);
    if (!language) {
      const row = await this.db
        .selectFrom("venues")
        .select("data")
        .where("id", "=", venueId)
        .executeTakeFirst();
      language = venueLanguage(row?.data as VenueDto | undefined);
      this.venueLanguages.set(venueId, language);
    }
    return language;
  }

  /** A member's contact, read once per batch (a burst is often one person's). */
  member(userId: string): Promise<MemberContact | undefined> {
    let contact = this.members.get(userId);
    if (!contact) {
      contact = findMemberContact(this.db, userId);
      this.members.set(userId, contact);
    }
    return contact;
  }

  /** The owner and the admins, each in their own language or else this one. */
  async staff(language: MailLanguage): Promise<Recipient[]> {
    this.staffMembers ??= await staffMembers(this.db);
    return this.staffMembers.map((member) => ({
      userId: member.userId,
      address: member.address,
      language: languageOf(member.chosenLanguage, language),
    }));
  }

  /** For mails about no venue: the first venue's language, else English. */
  async defaultLanguage(): Promise<MailLanguage> {
    const first = await this.db
      .selectFrom("venues")
      .select("data")
      .orderBy("created_at")
      .limit(1)
      .executeTakeFirst();
    return venueLanguage(first?.data as VenueDto | undefined);
  }

  async write(): Promise<void> {
    if (this.rows.length === 0) return;
    for (let from = 0; from < this.rows.length; from += 500) {
      await this.db
        .insertInto("notifications")
        .values(this.rows.slice(from, from + 500))
        .onConflict((conflict) => conflict.column("message_id").doNothing())
        .execute();
    }
    // Delivered with the commit: the sender, in whichever process, wakes at once.
    await sql`SELECT pg_notify(${NOTIFICATIONS_DUE_CHANNEL}, '')`.execute(this.db);
  }
}
