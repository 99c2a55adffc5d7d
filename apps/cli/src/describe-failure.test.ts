import { describe, expect, test } from "vitest";
import { describeFailure } from "./describe-failure.ts";

const url = "http://booking.test";

describe("describeFailure", () => {
  test("an answer that is not tRPC names the HTTP status", () => {
    const error = Object.assign(clientError("Unable to transform response from server"), {
      meta: { response: { status: 502 }, responseJSON: "<html>" },
    });
    expect(describeFailure(error, url)).toBe(
      "Unexpected answer from http://booking.test (HTTP 502); is it a booking server?",
    );
  });

  test("a network failure shows its innermost cause", () => {
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:3000");
    const error = clientError("fetch failed", new Error("fetch failed", { cause: refused }));
    expect(describeFailure(error, url)).toBe(
      "Cannot reach the booking server at http://booking.test: connect ECONNREFUSED 127.0.0.1:3000",
    );
  });

  test("other errors are not blamed on the server", () => {
    expect(describeFailure(new Error("EACCES: permission denied"), url)).toBe(
      "Error: EACCES: permission denied",
    );
  });
});

/** Shaped like @trpc/client's TRPCClientError, which is what failed calls reject with. */
function clientError(message: string, cause?: Error): Error {
  return Object.assign(new Error(message, { cause }), { name: "TRPCClientError" });
}
