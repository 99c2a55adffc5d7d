import type {
  LogPosition,
  RecordedEvent,
  SubscriptionContext,
  SubscriptionRunner,
  SubscriptionStatus,
} from "@booking/eventstore";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { holdsSubscription, trackLeadership } from "../observability/leadership.ts";
import {
  type AsyncProjection,
  type ProjectionDependencies,
  rebuildSubscriptionOf,
} from "./async-projection.ts";
import { lockForBatch, whileNoBatchRuns } from "./projection-lock.ts";
import { countProcessedEvents, createProjectionMetrics } from "./projection-metrics.ts";
import { projectionRebuilds } from "./projection-rebuild.ts";
import { useShadowTables } from "./shadow-tables.ts";

interface Failure {
  message: string;
  at: Date;
}

export interface ProjectionStatus {
  name: string;
  tables: readonly string[];
  state: "running" | "failed" | "rebuilding";
  lag: number;
  position: LogPosition;
  failure: Failure | null;
  rebuild: {
    requestedAt: Date;
    lag: number;
    position: LogPosition;
    failure: Failure | null;
  } | null;
}

/** The asynchronous projections of the application, as one process runs them. */
export interface AsyncProjections {
  readonly names: readonly string[];
  /** Starts a runner per projection (one is active across processes) and the supervisor. */
  start(): void;
  /** Finishes the batches in flight and releases the leases. */
  stop(): Promise<void>;
  /** Committed events each projection has yet to handle (GET /ready). */
  lags(): Promise<{ name: string; lag: number }[]>;
  list(): Promise<ProjectionStatus[]>;
  status(name: string): Promise<ProjectionStatus>;
  /**
   * Rebuilds from the start of the log into copies of the tables, served rows untouched,
   * and swaps the copies in once they are as far as the served ones. Answers at once; a
   * rebuild already running is left to run, one whose handler failed starts over.
   */
  rebuild(name: string, requestedBy: string | null): Promise<ProjectionStatus>;
  /** After a failure: tries the failed batch again (live and rebuild). */
  retry(name: string): Promise<ProjectionStatus>;
}

/** A subscription of a worker that reacts to events: its name and the tables it writes. */
export interface Reactor {
  name: string;
  tables: readonly string[];
}

export interface AsyncProjectionsOptions {
  /** How often each process looks for rebuilds to run or swap in (default 1000 ms). */
  supervisorIntervalMs?: number;
  /** The runners' polling fallback when no NOTIFY arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** How often a standby runner tries to take over (default 1000 ms). */
  leaseRetryMs?: number;
  /**
   * Other subscriptions on the log (the reactors of workers): run by their workers, listed
   * and retried here with the projections, reported in /ready and /metrics, never rebuilt
   * (a reactor acts on the world: replaying the log would act again).
   */
  reactors?: readonly Reactor[];
}

export function createAsyncProjections(
  deps: ProjectionDependencies,
  projections: readonly AsyncProjection[],
  options: AsyncProjectionsOptions = {},
): AsyncProjections {
  const { eventStore: store, database, logger } = deps;
  const byName = new Map<string, AsyncProjection>();
  for (const projection of projections) {
    if (byName.has(projection.name))
      throw new Error(`Two projections are named ${projection.name}`);
    byName.set(projection.name, projection);
  }
  const live = new Map<string, SubscriptionRunner>();
  const rebuilding = new Map<string, SubscriptionRunner>();
  const reactors = new Map((options.reactors ?? []).map((reactor) => [reactor.name, reactor]));
  const reported = [...projections.map((p) => p.name), ...reactors.keys()];
  createProjectionMetrics(deps.metrics.registry, async () =>
    (await Promise.all(reported.map((name) => store.subscriptionStatus(name)))).map((s) => ({
      name: s.name,
      lag: s.lag,
      failed: s.failure !== null,
    })),
  );
  const rebuilds = projectionRebuilds(deps);
  const supervisorIntervalMs = options.supervisorIntervalMs ?? 1000;
  const runnerTiming = {
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.leaseRetryMs ? { leaseRetryMs: options.leaseRetryMs } : {}),
  };

  function relevant(projection: AsyncProjection, events: RecordedEvent[]) {
    const types: readonly string[] = projection.eventTypes;
    return events.filter((event) => types.includes(event.type));
  }

  function liveRunner(projection: AsyncProjection): SubscriptionRunner {
    const runner: SubscriptionRunner = store.subscribe<Database>({
      name: projection.name,
      batchSize: projection.batchSize ?? 500,
      ...runnerTiming,
      handle: countProcessedEvents(
        deps.metrics.registry,
        projection.name,
        () => runner.status().position,
        async (events: RecordedEvent[], context: SubscriptionContext<Database>) => {
          await lockForBatch(context.client, projection.name);
          await handleRelevant(projection, events, context);
        },
      ),
      onError: (error) =>
        logger.error({ err: error, projection: projection.name }, "projection stopped"),
    });
    trackLeadership(deps.metrics.registry, `projection:${projection.name}`, () =>
      holdsSubscription(runner),
    );
    return runner;
  }

  function rebuildRunner(projection: AsyncProjection): SubscriptionRunner {
    return store.subscribe<Database>({
      name: rebuildSubscriptionOf(projection.name),
      batchSize: projection.batchSize ?? 500,
      ...runnerTiming,
      handle: async (events, context) => {
        await lockForBatch(context.client, projection.name);
        // Swapped in meanwhile (this runner is about to be stopped): the copies are gone.
        const requested = await context.db
          .selectFrom("projection_rebuilds")
          .select("name")
          .where("name", "=", projection.name)
          .executeTakeFirst();
        if (!requested) return;
        await useShadowTables(context.client, projection.name);
        await handleRelevant(projection, events, context);
        // After this batch commits (the swap waits for its lock), it may be time to swap.
        setTimeout(wakeSupervisor, 0);
      },
      onError: (error) =>
        logger.error({ err: error, projection: projection.name }, "projection rebuild stopped"),
    });
  }

  async function handleRelevant(
    projection: AsyncProjection,
    events: RecordedEvent[],
    context: SubscriptionContext<Database>,
  ) {
    const mine = relevant(projection, events);
    if (mine.length > 0) await projection.handle(mine, context);
  }

  function projectionNamed(name: string): AsyncProjection {
    const projection = byName.get(name);
    if (!projection) throw new AppError("NOT_FOUND", `No projection named ${name}.`);
    return projection;
  }

  async function supervise(): Promise<void> {
    const requested = new Set(
      (await database.db.selectFrom("projection_rebuilds").select("name").execute()).map(
        (row) => row.name,
      ),
    );
    for (const projection of projections) {
      const runner = rebuilding.get(projection.name);
      if (requested.has(projection.name) && !stopped) {
        if (!runner) {
          const started = rebuildRunner(projection);
          rebuilding.set(projection.name, started);
          started.start();
        } else if (
          runner.status().state === "active" &&
          (await rebuilds.trySwap(projection, runner.status().position))
        ) {
          rebuilding.delete(projection.name);
          await runner.stop();
        }
      } else if (runner) {
        rebuilding.delete(projection.name);
        await runner.stop();
      }
    }
  }

  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;
  let again = false;

  function wakeSupervisor(): void {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    clearTimeout(timer);
    round = supervise()
      .catch((error: unknown) => logger.warn({ err: error }, "projection supervisor round failed"))
      .finally(() => {
        round = undefined;
        if (again) {
          again = false;
          wakeSupervisor();
        } else if (!stopped) {
          timer = setTimeout(wakeSupervisor, supervisorIntervalMs);
          timer.unref();
        }
      });
  }

  async function status(name: string): Promise<ProjectionStatus> {
    const reactor = reactors.get(name);
    if (reactor) return reactorStatus(reactor);
    const projection = projectionNamed(name);
    const [served, requested] = await Promise.all([
      store.subscriptionStatus(name),
      rebuilds.requested(name),
    ]);
    const rebuilt = requested
      ? await store.subscriptionStatus(rebuildSubscriptionOf(name))
      : undefined;
    return {
      name,
      tables: projection.tables,
      state: requested ? "rebuilding" : served.failure ? "failed" : "running",
      lag: served.lag,
      position: served.position,
      failure: served.failure,
      rebuild:
        requested && rebuilt
          ? {
              requestedAt: requested.requested_at,
              lag: rebuilt.lag,
              position: rebuilt.position,
              failure: rebuilt.failure,
            }
          : null,
    };
  }

  async function reactorStatus(reactor: Reactor): Promise<ProjectionStatus> {
    const served = await store.subscriptionStatus(reactor.name);
    return {
      name: reactor.name,
      tables: reactor.tables,
      state: served.failure ? "failed" : "running",
      lag: served.lag,
      position: served.position,
      failure: served.failure,
      rebuild: null,
    };
  }

  async function resumeFailed(name: string): Promise<void> {
    const current: SubscriptionStatus = await store.subscriptionStatus(name);
    if (current.failure) await store.resetSubscription(name, { to: current.position });
  }

  return {
    names: projections.map((projection) => projection.name),
    start() {
      if (!stopped) return;
      stopped = false;
      for (const projection of projections) {
        const runner = liveRunner(projection);
        live.set(projection.name, runner);
        runner.start();
      }
      wakeSupervisor();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      const runners = [...live.values(), ...rebuilding.values()];
      live.clear();
      rebuilding.clear();
      await Promise.all(runners.map((runner) => runner.stop()));
    },
    async lags() {
      const statuses = await Promise.all(reported.map((name) => store.subscriptionStatus(name)));
      return statuses.map(({ name, lag }) => ({ name, lag }));
    },
    list: () => Promise.all(reported.map((name) => status(name))),
    status,
    async rebuild(name, requestedBy) {
      if (reactors.has(name)) {
        throw new AppError(
          "INVALID_STATE",
          `${name} reacts to events (it sends mail): rebuilding it would act on every past event again. After a failure, retry it.`,
          { details: { current: "reactor" } },
        );
      }
      const projection = projectionNamed(name);
      await whileNoBatchRuns(database.pool, name, async () => {
        // A rebuild that runs is left to run; one whose handler failed starts over.
        if (await rebuilds.requested(name)) {
          const rebuilt = await store.subscriptionStatus(rebuildSubscriptionOf(name));
          if (!rebuilt.failure) return;
        }
        await rebuilds.start(projection, requestedBy);
      });
      logger.info({ projection: name, requestedBy }, "projection rebuild requested");
      wakeSupervisor();
      return status(name);
    },
    async retry(name) {
      if (reactors.has(name)) {
        await resumeFailed(name);
        return status(name);
      }
      projectionNamed(name);
      await whileNoBatchRuns(database.pool, name, async () => {
        await resumeFailed(name);
        if (await rebuilds.requested(name)) await resumeFailed(rebuildSubscriptionOf(name));
      });
      return status(name);
    },
  };
}
