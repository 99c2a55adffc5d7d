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
 * Per projection: `booking_projection_lag_events` and `booking_projection_failed` (read
 * from the checkpoints at each scrape, shared by every process), and
 * `booking_projection_events_processed_total` (events this process's runner moved the
 * checkpoint over, counted once their batch committed).
 */
export function createProjectionMetrics(
  registry: Registry,
  read: () => Promise<ProjectionGauges[]>,
) {
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
  const processed = new Counter({
    name: "booking_projection_events_processed_total",
    help: "Events an asynchronous projection moved its checkpoint over in this process",
    labelNames: ["projection"] as const,
    registers: [registry],
  });
  return { processed: processedEvents(processed) };
}

/**
 * A batch is counted once it committed. The runner cannot say so, but its position can:
 * after a commit it is the batch's last event, after a rollback (a rebuild's swap moved
 * the checkpoint) it is somewhere else.
 */
function processedEvents(counter: Counter<"projection">) {
  const pending = new Map<string, { count: number; last: LogPosition }>();
  return {
    handled(name: string, events: readonly RecordedEvent[]) {
      const last = events[events.length - 1];
      if (last) pending.set(name, { count: events.length, last: logPositionOf(last) });
    },
    /** `position`: the runner's, read when no batch of it is in flight (final) or maybe. */
    settle(name: string, position: LogPosition | undefined, final: boolean) {
      const batch = pending.get(name);
      if (!batch) return;
      if (position && compareLogPositions(position, batch.last) === 0) {
        counter.inc({ projection: name }, batch.count);
        pending.delete(name);
      } else if (final) {
        pending.delete(name);
      }
    },
  };
}
