import { spawn } from "node:child_process";
import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Output } from "../output.ts";

/**
 * The server's own backup and restore program: `restore` and `backup --offline` need the
 * server's migrations, read models and secrets, not its HTTP API, so the CLI runs that
 * program beside itself (same installation) instead of carrying a copy of server code.
 */
const toolPath = fileURLToPath(new URL("../../../api/src/backup/backup-tool.ts", import.meta.url));

/**
 * Runs it with this process's environment (DATABASE_URL or BOOKING_DATA_DIR, BOOKING_SECRET)
 * and terminal; its exit code is the command's.
 */
export async function runServerTool(args: readonly string[], output: Output): Promise<number> {
  const found = await access(toolPath).then(
    () => true,
    () => false,
  );
  if (!found) {
    output.err(
      `This command runs the server's code, which is not installed beside this CLI (looked for ${toolPath}).`,
    );
    return 1;
  }
  const child = spawn(process.execPath, [toolPath, ...args], { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
