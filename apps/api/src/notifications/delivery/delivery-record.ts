import type { Kysely } from "kysely";
import type { Database as Tables } from "../../db/schema.ts";

export type HandOffOutcome = { sent: true } | { sent: false; error: string; permanent: boolean };

export interface RecordedAttempt {
  attempt: number;
  /** The notification's status after this attempt. */
  status: "pending" | "sent" | "failed" | "cancelled";
  /** Set when the failure was scheduled for another attempt. */
  nextAttemptAt: Date | undefined;
}

export interface RecordPolicy {
  maxAttempts: number;
  backoffMs(failedAttempts: number): number;
}

/**
 * Records one hand-off in one transaction: the attempt's row and the notification's
 * counters and status. A failure is retried after a back-off, or given up on when it was
 * permanent or when the failures since the last requeue reach `maxAttempts`. A row that
 * stopped being pending meanwhile (cancelled) keeps its status unless the mail went out.
 * Undefined when the row is gone.
 */
export async function recordHandOff(
  db: Kysely<Tables>,
  id: string,
  at: Date,
  outcome: HandOffOutcome,
  policy: RecordPolicy,
): Promise<RecordedAttempt | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("notifications")
      .select(["attempts", "attempts_at_requeue", "status"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    const attempt = row.attempts + 1;
    await trx
      .insertInto("notification_attempts")
      .values({
        notification_id: id,
        attempt,
        at,
        outcome: outcome.sent ? "sent" : "failed",
        error: outcome.sent ? null : outcome.error,
      })
      .execute();
    const update = trx
      .updateTable("notifications")
      .set({ attempts: attempt, updated_at: at })
      .where("id", "=", id);
    if (outcome.sent) {
      await update.set({ status: "sent", sent_at: at, last_error: null }).execute();
      return { attempt, status: "sent", nextAttemptAt: undefined };
    }
    if (row.status !== "pending") {
      await update.set({ last_error: outcome.error }).execute();
      return { attempt, status: row.status, nextAttemptAt: undefined };
    }
    const failures = attempt - row.attempts_at_requeue;
    if (outcome.permanent || failures >= policy.maxAttempts) {
      await update.set({ status: "failed", last_error: outcome.error }).execute();
      return { attempt, status: "failed", nextAttemptAt: undefined };
    }
    const wait = policy.backoffMs(failures);
    const nextAttemptAt = new Date(at.getTime() + (Number.isFinite(wait) ? Math.max(0, wait) : 0));
    await update.set({ last_error: outcome.error, next_attempt_at: nextAttemptAt }).execute();
    return { attempt, status: "pending", nextAttemptAt };
  });
}

/** 30 s, 1 min, 2 min, … up to 1 h, each ±20 % so that a burst of failures spreads out. */
export function defaultBackoffMs(failedAttempts: number): number {
  const base = Math.min(3_600_000, 30_000 * 2 ** Math.max(0, failedAttempts - 1));
  return Math.min(3_600_000, Math.round(base * (0.8 + Math.random() * 0.4)));
}

/**
 * An error as it may be stored and logged: addresses become `<address>` (an SMTP reply
 * often repeats the recipient, and an erasure must not have to hunt for it in errors), and
 * it stays short.
 */
export function scrubbedError(message: string): string {
  const scrubbed = message.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, "<address>");
  return scrubbed.length > 1000 ? `${scrubbed.slice(0, 1000)}…` : scrubbed;
}
