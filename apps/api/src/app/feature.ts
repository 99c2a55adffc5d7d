import type { AnyInlineProjection } from "@booking/eventstore";
import type { TRPCRouterRecord } from "@trpc/server";
import type { Secrets } from "../config/secrets.ts";
import type { AppDependencies, CoreDependencies } from "../context/app-dependencies.ts";
import type { AsyncProjection } from "../projections/async-projection.ts";
import type { Reactor } from "../projections/async-projections.ts";
import type { RestRoute } from "../rest/rest-route.ts";
import type { PeriodicJob } from "../workers/periodic-job.ts";

/**
 * What a feature folder contributes to the application. The composition root reads these
 * and nothing else, so a new feature is a new folder and one line in `app-router.ts`.
 */
export interface Feature<Procedures extends TRPCRouterRecord = TRPCRouterRecord> {
  name: string;
  /** tRPC namespaces (`bookings`, `availability`, …) and their procedures. */
  procedures: Procedures;
  // biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
  restRoutes: RestRoute<any, any, any>[];
  /** Read models written in the same transaction as the events they follow. */
  inlineProjections?: (secrets: Secrets) => AnyInlineProjection[];
  /**
   * Read models that follow the global log behind the appends, each on a subscription of
   * the event store (one runner active across processes), rebuildable while the api runs.
   */
  asyncProjections?: (deps: CoreDependencies) => AsyncProjection[];
  /** Periodic work; each job runs in one api process at a time. */
  jobs?: (deps: AppDependencies) => PeriodicJob[];
  /** Long-running work beside the requests (reactors on the log, the mail sender). */
  workers?: (deps: AppDependencies) => BackgroundWorker[];
  /**
   * The subscriptions its workers follow the log with (and the tables they write): listed
   * and retried with the projections, their lag in /ready and /metrics; never rebuilt.
   */
  reactors?: readonly Reactor[];
}

/**
 * Started once the server listens and stopped before the database closes. A worker that
 * must run in one process at a time sees to that itself (a lease or an advisory lock).
 */
export interface BackgroundWorker {
  readonly name: string;
  start(): void;
  /** Finishes what is in flight; nothing is started after it resolves. */
  stop(): Promise<void>;
}

export function defineFeature<Procedures extends TRPCRouterRecord>(
  feature: Feature<Procedures>,
): Feature<Procedures> {
  return feature;
}

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (
  intersection: infer I,
) => void
  ? I
  : never;

/** Every feature's namespaces in one record, typed as all of them together. */
export function proceduresOf<const Features extends readonly Feature[]>(
  features: Features,
): UnionToIntersection<Features[number]["procedures"]> {
  const merged: TRPCRouterRecord = {};
  for (const feature of features) {
    for (const [namespace, procedures] of Object.entries(feature.procedures)) {
      if (namespace in merged) throw new Error(`Two features define the namespace ${namespace}`);
      merged[namespace] = procedures;
    }
  }
  return merged as UnionToIntersection<Features[number]["procedures"]>;
}
