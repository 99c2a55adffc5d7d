import { check } from "../check.ts";
import type { Check } from "../scenario.ts";
import { samples, scrape } from "./metrics-text.ts";

/**
 * Which process leads which work, from each process's /metrics: `booking_leader` (1 on the
 * one process holding the lock of a projection, a reactor or the mail sender) and
 * `booking_job_rounds_total` (rounds of each periodic job a process ran).
 */
export async function leadership(
  processes: { name: string; url: string }[],
): Promise<{ checks: Check[]; figures: Record<string, string> }> {
  const leaders = new Map<string, string[]>();
  const rounds = new Map<string, string[]>();
  for (const process of processes) {
    const text = await scrape(process.url);
    for (const sample of samples(text, "booking_leader")) {
      const role = sample.labels.role ?? "?";
      const list = leaders.get(role) ?? [];
      if (sample.value === 1) list.push(`${process.name} (${sample.labels.process})`);
      leaders.set(role, list);
    }
    for (const sample of samples(text, "booking_job_rounds_total")) {
      const job = sample.labels.job ?? "?";
      rounds.set(job, [...(rounds.get(job) ?? []), `${process.name} ${sample.value}`]);
    }
  }
  const wrong = [...leaders].filter(([, list]) => list.length !== 1);
  const figures: Record<string, string> = {};
  for (const [role, list] of leaders) figures[`leader ${role}`] = list.join(", ") || "none";
  for (const [job, list] of rounds) figures[`job rounds ${job}`] = list.join(", ");
  return {
    checks: [
      check(
        "/metrics: each projection, reactor and the mail sender is led by exactly one process",
        leaders.size > 0 && wrong.length === 0,
        wrong.length === 0
          ? `${leaders.size} roles, one leader each`
          : wrong.map(([role, list]) => `${role}: ${list.length} leaders`).join("; "),
      ),
    ],
    figures,
  };
}
