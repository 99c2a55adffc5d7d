import { systemStatusSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();

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
