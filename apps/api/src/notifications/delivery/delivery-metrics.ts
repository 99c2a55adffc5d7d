import type { Kysely } from "kysely";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Database as Tables } from "../../db/schema.ts";

export interface DeliveryMetrics {
  sent(transport: string): void;
  failed(transport: string): void;
}

/**
 * `notifications_sent_total` and `notifications_send_failures_total` (hand-offs this
 * process made, per transport), and `notifications_pending` and `notifications_failed`
 * (the outbox's rows, counted in the database at each scrape, shared by every process).
 */
export function createDeliveryMetrics(registry: Registry, db: Kysely<Tables>): DeliveryMetrics {
  // One count per scrape serves both gauges.
  let recent: { at: number; counts: Promise<Map<string, number>> } | undefined;
  const counts = () => {
    if (!recent || Date.now() - recent.at > 1000) recent = { at: Date.now(), counts: count(db) };
    return recent.counts;
  };
  const sent = counter(
    registry,
    "notifications_sent_total",
    "Notifications the transport accepted",
  );
  const failures = counter(
    registry,
    "notifications_send_failures_total",
    "Hand-offs of notifications to the transport that failed",
  );
  gauge(registry, "notifications_pending", "Notifications waiting to be sent", async () =>
    (await counts()).get("pending"),
  );
  gauge(registry, "notifications_failed", "Notifications given up on", async () =>
    (await counts()).get("failed"),
  );
  return {
    sent: (transport) => sent.inc({ transport }),
    failed: (transport) => failures.inc({ transport }),
  };
}

async function count(db: Kysely<Tables>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("notifications")
    .select(["status", (eb) => eb.fn.countAll<string>().as("count")])
    .where("status", "in", ["pending", "failed"])
    .groupBy("status")
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.count)]));
}

// A second sender on the same registry (tests, a restarted worker) shares the metrics.
function counter(registry: Registry, name: string, help: string): Counter<"transport"> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<"transport">;
  return new Counter({ name, help, labelNames: ["transport"] as const, registers: [registry] });
}

function gauge(
  registry: Registry,
  name: string,
  help: string,
  read: () => Promise<number | undefined>,
): void {
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      // A failed count leaves the last value rather than failing the whole scrape.
      const value = await read().catch(() => null);
      if (value !== null) this.set(value ?? 0);
    },
  });
}
