import { Registry } from "prom-client";
import { describe, expect, test } from "vitest";
import { countJobRound, processIdentity, trackLeadership } from "./leadership.ts";

describe("leadership metrics", () => {
  test("booking_leader follows each role's probe at every scrape, naming this process", async () => {
    const registry = new Registry();
    let leading = true;
    trackLeadership(registry, "projection:statistics", () => leading);
    trackLeadership(registry, "notification-sender", () => false);
    const labels = (role: string) => `{role="${role}",process="${processIdentity}"}`;
    expect(await registry.metrics()).toContain(
      `booking_leader${labels("projection:statistics")} 1`,
    );
    expect(await registry.metrics()).toContain(`booking_leader${labels("notification-sender")} 0`);
    leading = false;
    expect(await registry.metrics()).toContain(
      `booking_leader${labels("projection:statistics")} 0`,
    );
  });

  test("booking_job_rounds_total counts the rounds this process ran, per job", async () => {
    const registry = new Registry();
    countJobRound(registry, "expire-holds");
    countJobRound(registry, "expire-holds");
    countJobRound(registry, "complete-bookings");
    const text = await registry.metrics();
    expect(text).toContain(
      `booking_job_rounds_total{job="expire-holds",process="${processIdentity}"} 2`,
    );
    expect(text).toContain(
      `booking_job_rounds_total{job="complete-bookings",process="${processIdentity}"} 1`,
    );
  });
});
