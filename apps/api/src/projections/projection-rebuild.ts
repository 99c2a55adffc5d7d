import { compareLogPositions, type LogPosition } from "@booking/eventstore";
import type { Database } from "../db/schema.ts";
import {
  type AsyncProjection,
  type ProjectionDependencies,
  rebuildSubscriptionOf,
} from "./async-projection.ts";
import { whileNoBatchRuns } from "./projection-lock.ts";
import { createShadowTables, shadowTablesMatch, swapInShadowTables } from "./shadow-tables.ts";

/**
 * Starting a rebuild and swapping its copies in (docs/adr/0011): each in one transaction,
 * while no batch of the projection runs in any process.
 */
export function projectionRebuilds(deps: ProjectionDependencies) {
  const { eventStore: store, database, logger } = deps;

  async function requested(name: string) {
    return database.db
      .selectFrom("projection_rebuilds")
      .selectAll()
      .where("name", "=", name)
      .executeTakeFirst();
  }

  /**
   * Empty copies, the rebuild's subscription back at the start of the log, the request
   * recorded: one transaction. The caller holds the projection's lock. A runner of an
   * earlier rebuild still going sees the request under the batch lock and goes on from its
   * checkpoint: unless that is the start, its compare-and-set fails against this reset and
   * its batch rolls back.
   */
  async function start(projection: AsyncProjection, requestedBy: string | null) {
    await store.resetSubscription<Database>(rebuildSubscriptionOf(projection.name), {
      within: async ({ db }) => {
        await createShadowTables(db, projection);
        await db
          .insertInto("projection_rebuilds")
          .values({ name: projection.name, requested_at: new Date(), requested_by: requestedBy })
          .onConflict((conflict) =>
            conflict.column("name").doUpdateSet((eb) => ({
              requested_at: eb.ref("excluded.requested_at"),
              requested_by: eb.ref("excluded.requested_by"),
            })),
          )
          .execute();
      },
    });
  }

  /**
   * Swaps the copies in once they are at least as far in the log as the served tables
   * (`position`: the rebuild runner's, in this process). True when it did.
   */
  async function trySwap(projection: AsyncProjection, position: LogPosition | undefined) {
    // Without the lock first: during a long rebuild, live batches need not wait each second.
    const current = await store.subscriptionStatus(projection.name);
    if (!position || compareLogPositions(position, current.position) < 0) return false;
    return whileNoBatchRuns(database.pool, projection.name, async () => {
      const request = await requested(projection.name);
      if (!request) return false;
      const [rebuilt, served] = await Promise.all([
        store.subscriptionStatus(rebuildSubscriptionOf(projection.name)),
        store.subscriptionStatus(projection.name),
      ]);
      if (rebuilt.failure || compareLogPositions(rebuilt.position, served.position) < 0) {
        return false;
      }
      if (!(await shadowTablesMatch(database.db, projection))) {
        logger.warn(
          { projection: projection.name },
          "the projection's tables changed during its rebuild (a migration?): starting it over",
        );
        await start(projection, request.requested_by);
        return false;
      }
      // The served checkpoint jumps to the copies' in the same transaction (and a failure of
      // the served runner is cleared): its next batch continues where the copies stand.
      await store.resetSubscription<Database>(projection.name, {
        to: rebuilt.position,
        within: async ({ db }) => {
          await swapInShadowTables(db, projection);
          await db.deleteFrom("projection_rebuilds").where("name", "=", projection.name).execute();
        },
      });
      logger.info(
        { projection: projection.name, position: rebuilt.position },
        "projection rebuilt and swapped in",
      );
      return true;
    });
  }

  return { requested, start, trySwap };
}
