import { bookingJob } from "@booking/domain";
import { sql } from "kysely";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { PeriodicJob } from "../workers/periodic-job.ts";
import { finishErasures } from "./booking-erasure.ts";
import { runBookingCommand } from "./booking-stream.ts";

const batchSize = 100;

/**
 * The clock's part of the booking lifecycle: holds that ran out are expired (freeing their
 * resources within TTL + one interval), bookings whose end passed are completed. Each is a
 * normal command through the decider, recorded as the system's. Besides: old idempotency
 * keys are forgotten, and erasures a crash interrupted are finished.
 */
export function bookingJobs(deps: AppDependencies): PeriodicJob[] {
  // A process's first round looks at every erased person, later ones at unfinished copies.
  let everyErasedUser = true;
  return [
    {
      name: "expire-holds",
      intervalMs: 15_000,
      run: (now) =>
        runForEach(
          deps,
          now,
          due(deps).where("status", "=", "held").where("hold_expires_at", "<=", now),
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
          due(deps).where("status", "=", "confirmed").where("end_at", "<=", now),
          "CompleteBooking",
        ),
    },
    {
      name: "forget-idempotency-keys",
      intervalMs: 3_600_000,
      run: async () => {
        const { numDeletedRows } = await deps.database.db
          .deleteFrom("idempotency_keys")
          .where("created_at", "<", sql<Date>`now() - interval '1 day'`)
          .executeTakeFirst();
        return Number(numDeletedRows);
      },
    },
    {
      // Erasures a crash interrupted (see finishErasures): soon after a start, then again.
      name: "finish-erasures",
      intervalMs: 300_000,
      run: async () => {
        const finished = await finishErasures(deps, { everyErasedUser });
        everyErasedUser = false;
        return finished;
      },
    },
  ];
}

/** Ids of bookings; the job adds which are due. */
function due(deps: AppDependencies) {
  return deps.database.db.selectFrom("bookings").select("id");
}

async function runForEach(
  deps: AppDependencies,
  now: Date,
  query: ReturnType<typeof due>,
  type: "ExpireHold" | "CompleteBooking",
): Promise<number> {
  const rows = await query.limit(batchSize).execute();
  let done = 0;
  for (const { id } of rows) {
    const command = bookingJob(type, id);
    try {
      await runBookingCommand({ store: deps.eventStore, db: deps.database.db }, command, now, {
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
