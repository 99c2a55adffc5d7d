import { errorEnvelopeSchema, transformer } from "@booking/contracts";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { useTestServer } from "../../test/test-server.ts";
import type { AppRouter } from "../app/app-router.ts";
import { createApp } from "../app/create-app.ts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { procedure } from "../trpc/trpc.ts";

const server = useTestServer();

async function expectEnvelope(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

describe("error envelope over real HTTP", () => {
  test("an unknown API route is 404 NOT_FOUND", async () => {
    await expectEnvelope(await fetch(`${server().url}/api/v1/nothing-here`), 404, "NOT_FOUND");
  });

  test("an unknown tRPC procedure is 404 with the same code", async () => {
    const response = await fetch(`${server().url}/trpc/nothing.here`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { json: { data: { appCode: string } } } };
    expect(body.error.json.data.appCode).toBe("NOT_FOUND");
  });

  test("a body over 1 MB is 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await fetch(`${server().url}/api/v1/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(1024 * 1024 + 10) }),
    });
    await expectEnvelope(response, 413, "PAYLOAD_TOO_LARGE");
  });

  test("a streamed body over 1 MB without Content-Length is 413 too", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${server().url}/api/v1/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectEnvelope(response, 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("REST plumbing with a route that takes a body", () => {
  const testProcedure = procedure("anyone").query(() => null);
  const echo = defineRestRoute({
    method: "post",
    path: "/echo/:id",
    operationId: "echo",
    summary: "test route",
    tag: "Test",
    params: z.object({ id: z.uuid() }),
    body: z.object({ name: z.string().min(1).max(10), count: z.number().int() }),
    output: z.object({ id: z.string(), name: z.string() }),
    successStatus: 201,
    procedure: testProcedure,
    handler: async ({ input }) => ({ id: input.params.id, name: input.body.name }),
  });
  const explode = defineRestRoute({
    method: "get",
    path: "/explode",
    operationId: "explode",
    summary: "test route",
    tag: "Test",
    successStatus: 200,
    procedure: testProcedure,
    handler: async () => {
      throw new Error("secret internals at /srv/app.ts:12");
    },
  });
  const app = () => createApp(server().deps, [echo, explode]);
  const id = "0b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e";
  const post = (path: string, body: string, contentType = "application/json") =>
    app().request(path, { method: "POST", body, headers: { "Content-Type": contentType } });

  test("a valid body reaches the handler and answers its success status", async () => {
    const response = await post(`/api/v1/echo/${id}`, JSON.stringify({ name: "Ada", count: 1 }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id, name: "Ada" });
  });

  test("malformed JSON is 400 BAD_REQUEST", async () => {
    await expectEnvelope(await post(`/api/v1/echo/${id}`, '{"name": "Ada",'), 400, "BAD_REQUEST");
  });

  test("a body of the wrong shape is 400 VALIDATION_FAILED with field details", async () => {
    const response = await post(`/api/v1/echo/${id}`, JSON.stringify({ name: "", count: "1" }));
    const body = await expectEnvelope(response, 400, "VALIDATION_FAILED");
    expect(Object.keys(body.error.details ?? {}).sort()).toEqual(["count", "name"]);
  });

  test("a bad path parameter is 400 VALIDATION_FAILED", async () => {
    const response = await post("/api/v1/echo/not-a-uuid", JSON.stringify({ name: "A", count: 1 }));
    const body = await expectEnvelope(response, 400, "VALIDATION_FAILED");
    expect(body.error.details).toHaveProperty("id");
  });

  test("a body that is not JSON is 415", async () => {
    const response = await post(
      `/api/v1/echo/${id}`,
      "name=Ada",
      "application/x-www-form-urlencoded",
    );
    await expectEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("an unexpected error is 500 INTERNAL without internals", async () => {
    const response = await app().request("/api/v1/explode");
    const body = await expectEnvelope(response, 500, "INTERNAL");
    expect(JSON.stringify(body)).not.toMatch(/secret|\/srv|\.ts/);
  });
});

describe("errors raised before tRPC runs, on /trpc", () => {
  test("reach a tRPC client as errors it can read, with the contract's code", async () => {
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server().url}/trpc`,
          transformer,
          headers: { Authorization: "Bearer session.forged.token" },
        }),
      ],
    });
    const [status, me] = await Promise.allSettled([
      client.system.status.query(),
      client.me.get.query(),
    ]);
    for (const result of [status, me]) {
      expect(result.status).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(TRPCClientError);
      expect(reason.data).toMatchObject({ appCode: "UNAUTHENTICATED", httpStatus: 401 });
    }
  });
});
