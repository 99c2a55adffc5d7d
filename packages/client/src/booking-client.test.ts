import { transformer } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { createBookingClient } from "./booking-client.ts";
import { bookingErrorInfo } from "./client-error.ts";

// A fetch that records the request and answers like the server's tRPC endpoint would.
function recordingFetch(answer: (url: URL) => { status: number; body: unknown }) {
  const requests: { url: URL; headers: Headers }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    requests.push({ url, headers: new Headers(init?.headers) });
    const { status, body } = answer(url);
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

describe("createBookingClient", () => {
  test("calls /trpc on the given server with the token and decodes superjson", async () => {
    const status = {
      version: "1.2.3",
      uptimeSeconds: 5,
      database: { version: "18.4" },
      migrations: { applied: 1, pending: 0 },
    };
    const { fetch, requests } = recordingFetch(() => ({
      status: 200,
      body: [{ result: { data: transformer.serialize(status) } }],
    }));
    const client = createBookingClient({ url: "http://booking.test:3000/", token: "t0ken", fetch });
    expect(await client.system.status.query()).toEqual(status);
    expect(requests[0]?.url.pathname).toBe("/trpc/system.status");
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer t0ken");
  });

  test("sends no Authorization header without a token", async () => {
    const { fetch, requests } = recordingFetch(() => ({
      status: 200,
      body: [{ result: { data: transformer.serialize(null) } }],
    }));
    await createBookingClient({ url: "http://booking.test", fetch })
      .system.status.query()
      .catch(() => undefined);
    expect(requests[0]?.headers.get("authorization")).toBeNull();
  });

  test("exposes the contract's error code of a failed call", async () => {
    const { fetch } = recordingFetch(() => ({
      status: 503,
      body: [
        {
          error: transformer.serialize({
            message: "The database is not available; try again shortly.",
            code: -32603,
            data: {
              code: "SERVICE_UNAVAILABLE",
              httpStatus: 503,
              appCode: "UNAVAILABLE",
              requestId: "r-1",
            },
          }),
        },
      ],
    }));
    const error = await createBookingClient({ url: "http://booking.test", fetch })
      .system.status.query()
      .catch((caught: unknown) => caught);
    expect(bookingErrorInfo(error)).toMatchObject({ code: "UNAVAILABLE", requestId: "r-1" });
    expect(bookingErrorInfo(new Error("other"))).toBeUndefined();
  });
});
