import { defineProjectConfig } from "@booking/vitest-config";
import { mergeConfig } from "vitest/config";

// Browser tests poll the page while a real api answers; on a busy machine the first
// answer can take longer than expect.poll's default second.
// Each browser test file runs its own api and Chromium: one file at a time, so that on a
// two-core machine (with the other packages' tests beside them) none starves another.
export default mergeConfig(defineProjectConfig({ globalSetup: ["./test/global-setup.ts"] }), {
  test: { expect: { poll: { timeout: 10_000 } }, fileParallelism: false },
});
