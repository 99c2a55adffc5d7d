import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * After a crash or `kill -9` of the api, two things can be left in the cluster directory:
 * a `postmaster.pid` whose process is gone (or whose pid now belongs to another program),
 * or a PostgreSQL that outlived its parent and still holds the cluster. The second is shut
 * down cleanly (it removes its files itself) so this process can start its own server.
 *
 * A file whose process is gone is left to PostgreSQL, which takes it over only once no
 * process of the dead server still uses its shared memory (a backend of a killed
 * postmaster may run on for a moment) and refuses to start until then; the supervisor
 * tries again. Deleting the file would skip that check and let two servers write to one
 * cluster. Only a file naming a live process that is not this cluster's server (its pid
 * was reused), or one an orphan left because it had to be killed, is removed: PostgreSQL
 * would take the first for a running server, and the second may name a zombie for a while.
 */
export async function clearStaleServer(clusterDir: string, socketDir: string): Promise<void> {
  const pidFile = join(clusterDir, "postmaster.pid");
  const pid = await readPid(pidFile);
  if (pid === undefined) return;
  if (await isPostgresServing(pid, clusterDir)) {
    await stopOrphan(pid);
    if ((await readPid(pidFile)) === undefined) return;
  } else if (!(await isRunning(pid))) {
    return;
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
  for (let waited = 0; waited < 15_000; waited += 20) {
    if (!(await isRunning(pid))) return;
    await sleep(20);
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

/**
 * Whether the process still runs. An orphan's exit is reaped by whoever adopted it (init,
 * a container's first process), which may take a second or more: until then it is a
 * zombie that signals still reach, yet it holds neither the cluster nor its socket.
 */
export async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The state follows the command name in parentheses, which may itself hold ") ".
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}
