import type { SystemStatus } from "@booking/contracts";
import { expectTypeOf, test } from "vitest";
import type { BookingClient } from "./booking-client.ts";
import type { RouterOutputs } from "./router-types.ts";

// Checked by `tsc` (pnpm typecheck): if the server's procedure stops returning the
// contract's shape, the client's types change and this file no longer compiles.
test("the client's system.status resolves to the contract's SystemStatus", () => {
  expectTypeOf<RouterOutputs["system"]["status"]>().toEqualTypeOf<SystemStatus>();
  expectTypeOf<
    Awaited<ReturnType<BookingClient["system"]["status"]["query"]>>
  >().toEqualTypeOf<SystemStatus>();
});
