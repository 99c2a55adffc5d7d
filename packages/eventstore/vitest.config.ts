import { defineProjectConfig } from "@booking/vitest-config";

export default defineProjectConfig({
  globalSetup: ["./test/global-setup.ts"],
  // A subscription's delivery waits for the oldest transaction open anywhere on the test
  // server, where the other files clone and drop their databases (test/store-fixture.ts).
  testTimeout: 120_000,
});
