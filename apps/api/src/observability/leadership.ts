import { hostname } from "node:os";
import { Counter, Gauge, type Registry } from "prom-client";

/**
 * This process among several instances (host:pid), as a label: behind a load balancer a
 * scrape of /metrics says nothing else about which process answered.
 */
export const processIdentity = `${hostname()}:${process.pid}`;

const probes = new WeakMap<Registry, Map<string, () => boolean>>();

/**
 * `booking_leader{role, process}`: 1 while this process does work that only one process
 * does at a time (an asynchronous projection, a reactor, the mail sender: each holds an
 * advisory lock), 0 while it stands by. `isLeading` is asked at each scrape.
 */
export function trackLeadership(registry: Registry, role: string, isLeading: () => boolean): void {
  let roles = probes.get(registry);
  if (!roles) {
    const tracked = new Map<string, () => boolean>();
    roles = tracked;
    probes.set(registry, tracked);
    new Gauge({
      name: "booking_leader",
      help: "1 while this process holds the lock of work done by one process at a time, else 0",
      labelNames: ["role", "process"] as const,
      registers: [registry],
      collect() {
        for (const [name, leading] of tracked) {
          this.set({ role: name, process: processIdentity }, leading() ? 1 : 0);
        }
      },
    });
  }
  roles.set(role, isLeading);
}

/**
 * `booking_job_rounds_total{job, process}`: rounds of a periodic job this process ran. A
 * job's lock is taken per round, so which process runs a round changes from round to round;
 * the rounds never overlap.
 */
export function countJobRound(registry: Registry, job: string): void {
  const existing = registry.getSingleMetric("booking_job_rounds_total") as
    | Counter<"job" | "process">
    | undefined;
  const counter =
    existing ??
    new Counter({
      name: "booking_job_rounds_total",
      help: "Rounds of a periodic job this process ran (it held the job's lock)",
      labelNames: ["job", "process"] as const,
      registers: [registry],
    });
  counter.inc({ job, process: processIdentity });
}

/** A subscription runner holds its lease while it works, and also while stopped by a failure. */
export function holdsSubscription(runner: { status(): { state: string } }): boolean {
  const { state } = runner.status();
  return state === "active" || state === "failed";
}
