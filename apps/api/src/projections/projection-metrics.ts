import {
  compareLogPositions,
  type LogPosition,
  logPositionOf,
  type RecordedEvent,
} from "@booking/eventstore";
import { Counter, Gauge, type Registry } from "prom-client";

export interface ProjectionGauges {
  name: string;
  lag: number;
  failed: boolean;
}

/**
 * Per projection and reactor: `booking_projection_lag_events` and
 * `booking_projection_failed`, read from the checkpoints at each scrape (shared by every
 * process). Their `booking_projection_events_processed_total` is counted by the runners
 * themselves, see `countProcessedEvents`.
 */
export function createProjectionMetrics(
  registry: Registry,
  read: () => Promise<ProjectionGauges[]>,
): void {
  // One read per scrape serves both gauges.
  let recent: { at: number; gauges: Promise<ProjectionGauges[]> } | undefined;
  const gauges = () => {
    if (!recent || Date.now() - recent.at > 1000) recent = { at: Date.now(), gauges: read() };
    return recent.gauges.catch(() => [] as ProjectionGauges[]);
  };
  new Gauge({
    name: "booking_projection_lag_events",
    help: "Committed events an asynchronous projection has not handled yet",
    labelNames: ["projection"] as const,
    registers: [registry],
    async collect() {
      for (const gauge of await gauges()) this.set({ projection: gauge.name }, gauge.lag);
    },
  });
  new Gauge({
    name: "booking_projection_failed",
    help: "1 while an asynchronous projection is stopped by a failed handler",
    labelNames: ["projection"] as const,
    registers: [registry],
    async collect() {
      for (const gauge of await gauges())
        this.set({ projection: gauge.name }, gauge.failed ? 1 : 0);
    },
  });
}

const trackers = new WeakMap<Registry, ProcessedEvents>();

/**
 * Wraps the batch handler of subscription `name` (a projection's or a reactor's) so that
 * `booking_projection_events_processed_total{projection=name}` counts the events this
 * process's runner moved the checkpoint over, each batch once it committed. `position` is
 * the runner's (`runner.status().position`).
 */
export function countProcessedEvents<E extends RecordedEvent, C>(
  registry: Registry,
  name: string,
  position: () => LogPosition | undefined,
  handle: (events: E[], context: C) => Promise<void>,
): (events: E[], context: C) => Promise<void> {
  let tracker = trackers.get(registry);
  if (!tracker) {
    tracker = processedEvents(registry);
    trackers.set(registry, tracker);
  }
  const counted = tracker;
  counted.follow(name, position);
  return async (events, context) => {
    // The runner hands out a batch only when none is in flight: the last one committed
    // now or never will.
    counted.settle(name, true);
    await handle(events, context);
    counted.handled(name, events);
  };
}

interface ProcessedEvents {
  follow(name: string, position: () => LogPosition | undefined): void;
  handled(name: string, events: readonly RecordedEvent[]): void;
  settle(name: string, final: boolean): void;
}

/**
 * A batch is counted once it committed. The runner cannot say so, but its position can:
 * after a commit it is the batch's last event, after a rollback (a rebuild's swap or a
 * reset moved the checkpoint) it is somewhere else. Each scrape settles what committed
 * since the last one.
 */
function processedEvents(registry: Registry): ProcessedEvents {
  const positions = new Map<string, () => LogPosition | undefined>();
  const pending = new Map<string, { count: number; last: LogPosition }>();
  const settle = (name: string, final: boolean) => {
    const batch = pending.get(name);
    if (!batch) return;
    const position = positions.get(name)?.();
    if (position && compareLogPositions(position, batch.last) === 0) {
      counter.inc({ projection: name }, batch.count);
      pending.delete(name);
    } else if (final) {
      pending.delete(name);
    }
  };
  const counter = new Counter({
    name: "booking_projection_events_processed_total",
    help: "Events an asynchronous projection or a reactor moved its checkpoint over in this process",
    labelNames: ["projection"] as const,
    registers: [registry],
    collect() {
      for (const name of positions.keys()) settle(name, false);
    },
  });
  return {
    follow(name, position) {
      positions.set(name, position);
      // Present from the start, so a dashboard tells "nothing yet" from "not counted".
      counter.inc({ projection: name }, 0);
    },
    handled(name, events) {
      const last = events[events.length - 1];
      if (last) pending.set(name, { count: events.length, last: logPositionOf(last) });
    },
    settle,
  };
}
