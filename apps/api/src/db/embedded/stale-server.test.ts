import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { isRunning } from "./stale-server.ts";

const stateOf = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
};

test.runIf(process.platform === "linux")(
  "a process that exited but was not reaped yet (a zombie) no longer counts as running",
  async () => {
    // The shell starts a short sleep in the background, then becomes a long sleep that
    // never reaps it: the short one stays a zombie, as an orphaned PostgreSQL does until
    // whoever adopted it gets round to it.
    const parent = spawn("sh", ["-c", "sleep 2 & echo $!; exec sleep 10"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      const [line] = (
        await new Promise<string>((resolve) =>
          parent.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8"))),
        )
      ).split("\n");
      const child = Number(line);
      expect(await isRunning(child)).toBe(true);
      for (let waited = 0; (await stateOf(child)) !== "Z"; waited += 20) {
        if (waited > 10_000) throw new Error("the background sleep never became a zombie");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Signals still reach it…
      expect(() => process.kill(child, 0)).not.toThrow();
      // …but it runs no more.
      expect(await isRunning(child)).toBe(false);
    } finally {
      parent.kill("SIGKILL");
    }
  },
);

test("a process id nobody has is not running", async () => {
  expect(await isRunning(2 ** 22 + 1)).toBe(false);
});
