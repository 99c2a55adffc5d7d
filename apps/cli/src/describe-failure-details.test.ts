import { createBookingClient } from "@booking/client";
import { transformer } from "@booking/contracts";
import { expect, test } from "vitest";
import { describeFailure } from "./describe-failure.ts";

/** A real client error, as the server would answer it on /trpc. */
async function failedCall(appCode: string, message: string, details?: unknown) {
  const body = [
    {
      error: transformer.serialize({
        message,
        code: -32603,
        data: { code: "CONFLICT", httpStatus: 409, appCode, details, requestId: "r-1" },
      }),
    },
  ];
  const fetch = (async () =>
    new Response(JSON.stringify(body), {
      status: 409,
      headers: { "Content-Type": "application/json" },
    })) as typeof globalThis.fetch;
  return createBookingClient({ url: "http://booking.test", fetch })
    .system.status.query()
    .catch((error: unknown) => error);
}

test.each([
  [
    "SLOT_UNAVAILABLE",
    "The time is taken.",
    { resourceIds: ["r1", "r2"] },
    "Error SLOT_UNAVAILABLE: The time is taken. Taken: r1, r2. (request r-1)",
  ],
  [
    "RULE_VIOLATION",
    "Too short.",
    { rule: "MIN_NIGHTS" },
    "Error RULE_VIOLATION: Too short. (rule MIN_NIGHTS) (request r-1)",
  ],
  [
    "INVALID_STATE",
    "Not pending.",
    { current: "cancelled" },
    "Error INVALID_STATE: Not pending. (current status: cancelled) (request r-1)",
  ],
  ["NOT_FOUND", "No such booking.", undefined, "Error NOT_FOUND: No such booking. (request r-1)"],
])("describeFailure names the details of %s", async (code, message, details, line) => {
  expect(describeFailure(await failedCall(code, message, details), "http://booking.test")).toBe(
    line,
  );
});
