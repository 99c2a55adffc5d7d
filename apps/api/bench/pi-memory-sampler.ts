import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One look at the memory of the api, its PostgreSQL and the cgroup they run in (bytes). */
export interface MemorySample {
  apiRss: number;
  /** Proportional set size summed over every PostgreSQL process: shared buffers count once. */
  postgresPss: number;
  postgresProcesses: number;
  cgroupUsage: number;
  /** Of the cgroup's usage: anonymous memory, and the page cache (file pages, shmem). */
  cgroupRss: number;
  cgroupCache: number;
}

const peakFields = [
  "apiRss",
  "postgresPss",
  "postgresProcesses",
  "cgroupUsage",
  "cgroupRss",
  "cgroupCache",
] as const;

/**
 * Samples /proc and the cgroup v1 memory controller every `intervalMs` from outside the
 * cgroup and keeps the peak of each figure per phase of the load. Reads are synchronous
 * and small (smaps_rollup is one summary per process), so sampling costs the load little.
 */
export class MemorySampler {
  private readonly apiPid: number;
  private readonly cgroupDir: string;
  private timer: NodeJS.Timeout | undefined;
  private peak: MemorySample = emptySample();

  constructor(apiPid: number, cgroupDir: string) {
    this.apiPid = apiPid;
    this.cgroupDir = cgroupDir;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.record(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The peaks since the last call (including a sample taken now), then starts afresh. */
  takePeak(): MemorySample {
    this.record();
    const peak = this.peak;
    this.peak = emptySample();
    return peak;
  }

  sample(): MemorySample {
    const pids = readFileSync(join(this.cgroupDir, "cgroup.procs"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map(Number);
    let postgresPss = 0;
    let postgresProcesses = 0;
    for (const pid of pids) {
      if (pid === this.apiPid || readOrEmpty(`/proc/${pid}/comm`).trim() !== "postgres") continue;
      postgresPss += kilobytes(readOrEmpty(`/proc/${pid}/smaps_rollup`), "Pss");
      postgresProcesses += 1;
    }
    const stat = readFileSync(join(this.cgroupDir, "memory.stat"), "utf8");
    return {
      apiRss: kilobytes(readOrEmpty(`/proc/${this.apiPid}/status`), "VmRSS") * 1024,
      postgresPss: postgresPss * 1024,
      postgresProcesses,
      cgroupUsage: Number(readFileSync(join(this.cgroupDir, "memory.usage_in_bytes"), "utf8")),
      cgroupRss: statValue(stat, "total_rss"),
      cgroupCache: statValue(stat, "total_cache"),
    };
  }

  private record(): void {
    const now = this.sample();
    for (const field of peakFields) this.peak[field] = Math.max(this.peak[field], now[field]);
  }
}

function emptySample(): MemorySample {
  return {
    apiRss: 0,
    postgresPss: 0,
    postgresProcesses: 0,
    cgroupUsage: 0,
    cgroupRss: 0,
    cgroupCache: 0,
  };
}

/** A process may end between listing and reading it (a backend whose client left). */
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** A "Name:   1234 kB" line of /proc/<pid>/status or smaps_rollup, in kB. */
function kilobytes(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text);
  return match ? Number(match[1]) : 0;
}

function statValue(stat: string, name: string): number {
  const match = new RegExp(`^${name} (\\d+)$`, "m").exec(stat);
  return match ? Number(match[1]) : 0;
}
