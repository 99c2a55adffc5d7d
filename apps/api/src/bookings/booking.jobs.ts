import type { BookingCommand } from "@booking/domain";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { PeriodicJob } from "../workers/periodic-job.ts";
import { runBookingCommand } from "./booking-stream.ts";

const batchSize = 100;

/**
 * The clock's part of the booking lifecycle: holds that ran out are expired (freeing their
 * resources within TTL + one interval), bookings whose end passed are completed. Each is a
 * normal command through the decider, recorded as the system's.
 */
export function bookingJobs(deps: AppDependencies): PeriodicJob[] {
  return [
    {
      name: "expire-holds",
      intervalMs: 15_000,
      run: (now) =>
        runForEach(
          deps,
          now,
          "SELECT id FROM bookings WHERE status = 'held' AND hold_expires_at <= $1 LIMIT $2",
          "ExpireHold",
        ),
    },
    {
      name: "complete-bookings",
      intervalMs: 60_000,
      run: (now) =>
        runForEach(
          deps,
          now,
          "SELECT id FROM bookings WHERE status = 'confirmed' AND end_at <= $1 LIMIT $2",
          "CompleteBooking",
        ),
    },
    {
      name: "forget-idempotency-keys",
      intervalMs: 3_600_000,
      run: async () => {
        const { rowCount } = await deps.database.pool.query(
          "DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'",
        );
        return rowCount ?? 0;
      },
    },
  ];
}

async function runForEach(
  deps: AppDependencies,
  now: Date,
  query: string,
  type: "ExpireHold" | "CompleteBooking",
): Promise<number> {
  const { rows } = await deps.database.pool.query<{ id: string }>(query, [now, batchSize]);
  let done = 0;
  for (const { id } of rows) {
    const command = { type, bookingId: id, actor: { system: true } } as BookingCommand;
    try {
      await runBookingCommand({ store: deps.eventStore, pool: deps.database.pool }, command, now, {
        correlationId: `job-${type}-${now.toISOString()}`,
        actor: { system: true },
      });
      done += 1;
    } catch (error) {
      // One booking that cannot move (changed meanwhile, e.g. submitted at the last moment)
      // must not stop the others; the next round looks again.
      deps.logger.warn({ err: error, bookingId: id, job: type }, "booking job skipped a booking");
    }
  }
  return done;
}
