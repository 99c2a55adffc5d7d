import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * After a crash or `kill -9` of the api, two things can be left in the cluster directory:
 * a `postmaster.pid` whose process is gone (or whose pid now belongs to another program),
 * or a PostgreSQL that outlived its parent and still holds the cluster. The first is
 * removed; the second is shut down cleanly so this process can start its own server.
 */
export async function clearStaleServer(clusterDir: string, socketDir: string): Promise<void> {
  const pidFile = join(clusterDir, "postmaster.pid");
  const pid = await readPid(pidFile);
  if (pid === undefined) return;
  if (await isPostgresServing(pid, clusterDir)) {
    await stopOrphan(pid);
  }
  await rm(pidFile, { force: true });
  await rm(join(socketDir, ".s.PGSQL.5432"), { force: true });
  await rm(join(socketDir, ".s.PGSQL.5432.lock"), { force: true });
}

async function readPid(pidFile: string): Promise<number | undefined> {
  try {
    const firstLine = (await readFile(pidFile, "utf8")).split("\n")[0] ?? "";
    const pid = Number.parseInt(firstLine, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function isPostgresServing(pid: number, clusterDir: string): Promise<boolean> {
  try {
    const commandLine = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    return commandLine[0]?.endsWith("postgres") === true && commandLine.includes(clusterDir);
  } catch {
    return false;
  }
}

async function stopOrphan(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and checkpoints.
  signal(pid, "SIGINT");
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!isAlive(pid)) return;
    await sleep(100);
  }
  signal(pid, "SIGKILL");
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
