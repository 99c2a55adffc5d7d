import type { Kysely, Selectable } from "kysely";
import type { NotificationsTable, Database as Tables } from "../../db/schema.ts";
import type { Logger } from "../../observability/logger.ts";
import { type ComposedMessage, isPermanentCompositionFailure } from "./composed-message.ts";
import type { DeliveryMetrics } from "./delivery-metrics.ts";
import {
  type HandOffOutcome,
  type RecordPolicy,
  recordHandOff,
  scrubbedError,
} from "./delivery-record.ts";
import { MailDeliveryError } from "./mail-delivery-error.ts";
import type { MailTransport } from "./mail-transport.ts";
import { checkComposed, storableRaw, storedMessage } from "./stored-message.ts";

/** A row of the outbox, as the composer and the hooks get it. */
export type Notification = Selectable<NotificationsTable>;

export interface DeliveryDependencies {
  db: Kysely<Tables>;
  logger: Logger;
  metrics: DeliveryMetrics;
  transport: MailTransport;
  compose(notification: Notification): Promise<ComposedMessage>;
  afterHandOff: ((notification: Notification) => Promise<void> | void) | undefined;
  now(): Date;
  policy: RecordPolicy;
}

/** One notification's way out: compose once and store, hand the stored text over, record. */
export function createNotificationDelivery(deps: DeliveryDependencies) {
  const { db, transport } = deps;

  type Current = {
    status: string;
    recipient: string | null;
    message: string | null;
    message_id: string;
  };

  /**
   * The row as it stands now, with its message: composed and stored here unless one is
   * stored already (the update answers what it wrote, so a fresh mail needs no second
   * read); a failure if composing failed.
   */
  async function storedOrComposed(
    row: Notification,
  ): Promise<Current | HandOffOutcome | undefined> {
    if (row.message !== null) {
      return db
        .selectFrom("notifications")
        .select(["status", "recipient", "message", "message_id"])
        .where("id", "=", row.id)
        .executeTakeFirst();
    }
    let raw: string;
    try {
      const composed = await deps.compose(row);
      checkComposed(composed, row.message_id);
      raw = storableRaw(composed.raw);
    } catch (error) {
      // Recorded as a failed attempt: retried with back-off, given up on like a hand-off.
      return {
        sent: false,
        error: scrubbedError(`composing the message failed: ${messageOf(error)}`),
        permanent: isPermanentCompositionFailure(error),
      };
    }
    // Only where none is stored: a message stored before (by a sender that lost its lock
    // meanwhile) is the one to send, and a row cancelled or redacted meanwhile gets none.
    const stored = await db
      .updateTable("notifications")
      .set({ message: raw, updated_at: deps.now() })
      .where("id", "=", row.id)
      .where("message", "is", null)
      .where("status", "=", "pending")
      .where("recipient", "is not", null)
      .returning(["status", "recipient", "message_id"])
      .executeTakeFirst();
    return (
      (stored && { ...stored, message: raw }) ??
      db
        .selectFrom("notifications")
        .select(["status", "recipient", "message", "message_id"])
        .where("id", "=", row.id)
        .executeTakeFirst()
    );
  }

  async function record(row: Notification, outcome: HandOffOutcome): Promise<void> {
    const recorded = await recordHandOff(db, row, deps.now(), outcome, deps.policy);
    if (outcome.sent) {
      deps.metrics.sent(transport.name);
      return;
    }
    deps.metrics.failed(transport.name);
    const level = recorded?.status === "pending" ? "warn" : "error";
    // The id and a scrubbed error only: never the address.
    deps.logger[level](
      {
        notificationId: row.id,
        attempt: recorded?.attempt,
        permanent: outcome.permanent,
        status: recorded?.status,
        nextAttemptAt: recorded?.nextAttemptAt,
        error: outcome.error,
      },
      recorded?.status === "pending" ? "notification not sent; will retry" : "notification failed",
    );
  }

  return {
    /**
     * Resolves to true when an attempt was recorded, false when the row was skipped
     * (cancelled, redacted, or `mayGoOn` said stop). Rejects when the work broke off
     * between the hand-off and its record (database trouble, the crash hook).
     */
    async deliver(row: Notification, mayGoOn: () => boolean): Promise<boolean> {
      const current = await storedOrComposed(row);
      if (current && "sent" in current) {
        await record(row, current);
        return true;
      }
      if (current?.status !== "pending" || current.recipient === null || current.message === null)
        return false;
      if (!mayGoOn()) return false;
      let message: ComposedMessage;
      try {
        message = storedMessage({
          ...current,
          recipient: current.recipient,
          message: current.message,
        });
      } catch (error) {
        const reason = `the stored message cannot be sent: ${messageOf(error)}`;
        await record(row, { sent: false, error: scrubbedError(reason), permanent: true });
        return true;
      }
      try {
        await transport.send(message);
      } catch (error) {
        const permanent = error instanceof MailDeliveryError && error.permanent;
        await record(row, { sent: false, error: scrubbedError(messageOf(error)), permanent });
        return true;
      }
      await deps.afterHandOff?.(row);
      await record(row, { sent: true });
      return true;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
