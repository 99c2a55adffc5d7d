import { systemStatusSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { activeUser } from "../../test/accounts.ts";
import { restClient } from "../../test/http-client.ts";
import { caughtUp } from "../../test/projections.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

/** The value of one series in a Prometheus text exposition; undefined when absent. */
function seriesValue(text: string, name: string, projection: string): number | undefined {
  const line = text
    .split("\n")
    .find((each) => each.startsWith(`${name}{projection="${projection}"}`));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("operations endpoints", () => {
  test("GET /health answers while the process runs", async () => {
    const response = await fetch(`${server().url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("GET /ready is 200 when the database answers and migrations are applied", async () => {
    const response = await fetch(`${server().url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      database: "up",
      projections: expect.arrayContaining([{ name: "statistics", lag: expect.any(Number) }]),
    });
  });

  test("GET /api/v1/status reports version, uptime, database and migrations", async () => {
    const response = await fetch(`${server().url}/api/v1/status`);
    expect(response.status).toBe(200);
    const status = systemStatusSchema.parse(await response.json());
    expect(status.database.version).toMatch(/^\d+(\.\d+)?/);
    expect(status.migrations.pending).toBe(0);
    expect(status.migrations.applied).toBeGreaterThan(0);
    expect(status.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  test("the tRPC twin system.status answers the same shape", async () => {
    const response = await fetch(`${server().url}/trpc/system.status`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: unknown } } };
    const status = systemStatusSchema.parse(body.result.data.json);
    expect(status.migrations.pending).toBe(0);
  });

  test("GET /metrics exposes process metrics and the request histogram by route", async () => {
    await fetch(`${server().url}/api/v1/status`);
    const response = await fetch(`${server().url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("process_resident_memory_bytes");
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/status",status="200"\}/,
    );
  });

  test("GET /metrics reports lag, failure and events processed for the projections and the notifications reactor", async () => {
    // An approval: an event the statistics projection passes over and the reactor mails.
    await activeUser(call);
    for (const name of ["statistics", "calendar", "notifications"])
      await caughtUp(server().url, name);
    const scrape = async () => (await fetch(`${server().url}/metrics`)).text();
    // The gauges are read from the checkpoints at most once a second: poll past a scrape
    // made before the approval.
    const series = async (projection: string) => {
      const text = await scrape();
      return {
        counted:
          (seriesValue(text, "booking_projection_events_processed_total", projection) ?? 0) > 0,
        lag: seriesValue(text, "booking_projection_lag_events", projection),
        failed: seriesValue(text, "booking_projection_failed", projection),
      };
    };
    for (const projection of ["statistics", "calendar", "notifications"]) {
      await expect
        .poll(() => series(projection), { timeout: 5_000 })
        .toEqual({ counted: true, lag: 0, failed: 0 });
    }
  });

  test("every response carries a request id, and a caller's own id is kept", async () => {
    const generated = await fetch(`${server().url}/health`);
    expect(generated.headers.get("x-request-id")).toMatch(/\S{8,}/);
    const given = await fetch(`${server().url}/health`, {
      headers: { "X-Request-Id": "trace-42" },
    });
    expect(given.headers.get("x-request-id")).toBe("trace-42");
  });

  test("responses carry security headers", async () => {
    const response = await fetch(`${server().url}/health`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
