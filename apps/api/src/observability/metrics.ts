import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<"method" | "route" | "status">;
  appendRetries: Counter<"reason">;
}

/** A registry per app instance (not the global one), so tests can run several apps. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Duration of HTTP requests by method, matched route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Appends the database rolled back for another (a deadlock, mostly between bookings racing
  // for the same time from several processes) and tried again: contention, not failure.
  const appendRetries = new Counter({
    name: "booking_append_retries_total",
    help: "Appends tried again after the database chose them as a deadlock or serialization victim",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  return { registry, httpRequestDuration, appendRetries };
}
