import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const fixture = fileURLToPath(new URL("./fixtures/unhandled", import.meta.url));
const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

test("a run whose tests pass but leave an unhandled rejection fails; *.test.tsx is picked up", () => {
  const run = spawnSync(process.execPath, [vitest, "run", "--root", fixture], {
    encoding: "utf8",
    env: { ...process.env, CI: "1", NO_COLOR: "1" },
    timeout: 60_000,
  });
  const output = run.stdout + run.stderr;
  expect(output).toContain("rejects-later.test.tsx");
  expect(output).toContain("nobody handles this rejection");
  expect(run.status).not.toBe(0);
});
