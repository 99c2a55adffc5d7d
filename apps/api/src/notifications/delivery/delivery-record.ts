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

/** What the sender knew of the row when it picked it up. */
export interface PickedRow {
  id: string;
  attempts: number;
  attempts_at_requeue: number;
}

/**
 * Records one hand-off: the attempt's row and the notification's counters and status,
 * together. A failure is retried after a back-off, or given up on when it was permanent or
 * when the failures since the last requeue reach `maxAttempts`. A row that stopped being
 * pending meanwhile (cancelled) keeps its status unless the mail went out.
 *
 * One statement in the usual case (the outbox's busiest write: a round trip saved per mail
 * is a burst delivered sooner): the update is guarded by the counters the sender read, and
 * inserts the attempt from what it returns. If an admin requeued the row in between, the
 * guard fails and the careful path reads the row under a lock first. Undefined when the
 * row is gone.
 */
export async function recordHandOff(
  db: Kysely<Tables>,
  row: PickedRow,
  at: Date,
  outcome: HandOffOutcome,
  policy: RecordPolicy,
): Promise<RecordedAttempt | undefined> {
  const planned = plan(row, at, outcome, policy);
  const error = outcome.sent ? null : outcome.error;
  const recorded = await db
    .with("recorded", (db) =>
      db
        .updateTable("notifications")
        .set((eb) => ({
          attempts: planned.attempt,
          updated_at: at,
          last_error: error,
          ...(outcome.sent
            ? { status: "sent" as const, sent_at: at }
            : {
                status: eb
                  .case()
                  .when("status", "=", "pending")
                  .then(planned.status)
                  .else(eb.ref("status"))
                  .end(),
                next_attempt_at: eb
                  .case()
                  .when("status", "=", "pending")
                  .then(planned.nextAttemptAt ?? at)
                  .else(eb.ref("next_attempt_at"))
                  .end(),
              }),
        }))
        .where("id", "=", row.id)
        .where("attempts", "=", row.attempts)
        .where("attempts_at_requeue", "=", row.attempts_at_requeue)
        .returning(["id", "attempts", "status"]),
    )
    .with("attempted", (db) =>
      db
        .insertInto("notification_attempts")
        .columns(["notification_id", "attempt", "at", "outcome", "error"])
        .expression((eb) =>
          eb
            .selectFrom("recorded")
            .select((eb) => [
              "recorded.id",
              "recorded.attempts",
              eb.val(at).as("at"),
              eb.val(outcome.sent ? "sent" : "failed").as("outcome"),
              eb.val(error).as("error"),
            ]),
        ),
    )
    .selectFrom("recorded")
    .select(["recorded.attempts", "recorded.status"])
    .executeTakeFirst();
  if (recorded) {
    return {
      attempt: recorded.attempts,
      status: recorded.status,
      nextAttemptAt:
        !outcome.sent && recorded.status === "pending" ? planned.nextAttemptAt : undefined,
    };
  }
  return recordCarefully(db, row.id, at, outcome, policy);
}

function plan(
  row: Pick<PickedRow, "attempts" | "attempts_at_requeue">,
  at: Date,
  outcome: HandOffOutcome,
  policy: RecordPolicy,
): { attempt: number; status: "pending" | "failed"; nextAttemptAt: Date | undefined } {
  const attempt = row.attempts + 1;
  if (outcome.sent) return { attempt, status: "pending", nextAttemptAt: undefined };
  const failures = attempt - row.attempts_at_requeue;
  if (outcome.permanent || failures >= policy.maxAttempts) {
    return { attempt, status: "failed", nextAttemptAt: undefined };
  }
  const wait = policy.backoffMs(failures);
  const delay = Number.isFinite(wait) ? Math.max(0, wait) : 0;
  return { attempt, status: "pending", nextAttemptAt: new Date(at.getTime() + delay) };
}

/** The same record, in a transaction that reads the row under a lock first. */
async function recordCarefully(
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
    const planned = plan(row, at, outcome, policy);
    const { attempt } = planned;
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
    if (planned.status === "failed") {
      await update.set({ status: "failed", last_error: outcome.error }).execute();
      return { attempt, status: "failed", nextAttemptAt: undefined };
    }
    await update
      .set({ last_error: outcome.error, next_attempt_at: planned.nextAttemptAt ?? at })
      .execute();
    return { attempt, status: "pending", nextAttemptAt: planned.nextAttemptAt };
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
