import { mkdir, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { addDays } from "./dates.ts";
import { closedLoop, HttpClient, type LoadResult } from "./http-load.ts";
import { type MemorySample, MemorySampler } from "./pi-memory-sampler.ts";
import { freeNights, type StayTarget, seed, stayBody } from "./seed.ts";

/**
 * The booking bench's load (run.ts: 10,000 stays seeded over the api, availability and
 * slots at 50 clients, creates at 32, then the read models as an admin), sent to an api
 * that runs elsewhere: scripts/pi-memory.sh starts it with its PostgreSQL inside a memory
 * cgroup of a Raspberry Pi's size and runs this from outside, so the load generator's own
 * memory and CPU are not counted. Prints and writes the memory peaks of every phase.
 *
 *   node bench/pi-memory-load.ts <api url> <api pid> <memory cgroup directory>
 *
 * The owner's credentials come from BOOKING_OWNER_EMAIL and BOOKING_OWNER_PASSWORD, as
 * the api was started with them.
 */
const [url, apiPid, cgroupDir] = process.argv.slice(2);
if (!url || !apiPid || !cgroupDir) {
  throw new Error("usage: node bench/pi-memory-load.ts <api url> <api pid> <cgroup directory>");
}
const owner = {
  email: process.env.BOOKING_OWNER_EMAIL ?? "",
  password: process.env.BOOKING_OWNER_PASSWORD ?? "",
};
const ROOMS = 20;
const BOOKINGS_PER_ROOM = 500;
const SEED_CLIENTS = 16;
const READ_CLIENTS = 50;
const CREATE_CLIENTS = 32;
const READS = { maxOperations: 20_000, maxSeconds: 15 };
const CREATES = { maxOperations: 3_000, maxSeconds: 15 };
const MODEL_READS = { maxOperations: 4_000, maxSeconds: 8 };
const QUIET_SECONDS = 10;
const resultFile = new URL("../../../.bench/pi-memory.json", import.meta.url);

interface Phase {
  phase: string;
  load?: { requests: number; throughput: number; p50?: number; p99?: number };
  memory: MemorySample;
}

const phases: Phase[] = [];
const sampler = new MemorySampler(Number(apiPid), cgroupDir);
const client = new HttpClient(url, 64);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1).padStart(6);

function measured(result: LoadResult): Phase["load"] {
  return {
    requests: result.count,
    throughput: Math.round(result.throughput),
    p50: Number(result.p50.toFixed(1)),
    p99: Number(result.p99.toFixed(1)),
  };
}

function report(phase: string, load?: Phase["load"]) {
  const memory = sampler.takePeak();
  phases.push({ phase, memory, ...(load ? { load } : {}) });
  const latency = (name: string, ms?: number) =>
    ms === undefined ? "".padEnd(14) : `${name} ${String(ms).padStart(7)} ms`;
  const loadText = load
    ? `${String(load.throughput).padStart(6)}/s ${latency("p50", load.p50)} ${latency("p99", load.p99)}`
    : "".padEnd(38);
  process.stdout.write(
    `${phase.padEnd(30)} ${loadText}  api rss ${mb(memory.apiRss)} MB  postgres pss ${mb(memory.postgresPss)} MB` +
      ` (${memory.postgresProcesses} proc)  cgroup ${mb(memory.cgroupUsage)} MB` +
      ` (rss ${mb(memory.cgroupRss)}, cache ${mb(memory.cgroupCache)})\n`,
  );
}

async function get(path: string, token?: string) {
  const response = await client.request("GET", path, token ? { token } : {});
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
}

async function untilProjectionsCaughtUp() {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
    const { projections } = JSON.parse((await client.request("GET", "/ready")).body) as {
      projections: { lag: number }[];
    };
    if (projections.every((projection) => projection.lag === 0)) return;
    await sleep(100);
  }
  throw new Error("the projections did not catch up within 5 minutes");
}

sampler.start(200);
process.stdout.write(`peaks per phase (sampled every 200 ms)\n`);
report("idle, before any request");

const seeded = await seed(client, owner, {
  rooms: ROOMS,
  bookingsPerRoom: BOOKINGS_PER_ROOM,
  concurrency: SEED_CLIENTS,
});
report(`seed ${seeded.stayBookings} stays, ${SEED_CLIENTS} clients`, {
  requests: seeded.stayBookings,
  throughput: Math.round(seeded.stayBookings / seeded.seconds),
});
await untilProjectionsCaughtUp();
report("projections caught up");

const windows = Array.from({ length: 20 }, (_, i) => addDays(seeded.today, 10 + i * 33));
report(
  `availability 31 nights, ${READ_CLIENTS} c`,
  measured(
    await closedLoop(READ_CLIENTS, READS, (i) => {
      const from = windows[i % windows.length] as string;
      return get(
        `/api/v1/offerings/${seeded.stay.offeringId}/availability?from=${from}&to=${addDays(from, 31)}`,
      );
    }),
  ),
);
report(
  `slots of a day, ${READ_CLIENTS} clients`,
  measured(
    await closedLoop(READ_CLIENTS, READS, () =>
      get(`/api/v1/offerings/${seeded.slot.offeringId}/slots?date=${seeded.slotDate}`),
    ),
  ),
);

const targets = freeNights(ROOMS, 2, 725, seeded.today);
let nextTarget = 0;
report(
  `booking create, ${CREATE_CLIENTS} clients`,
  measured(
    await closedLoop(CREATE_CLIENTS, CREATES, async () => {
      const target = targets[nextTarget++] as StayTarget;
      await client.json("POST", "/api/v1/bookings", 201, {
        token: seeded.token,
        body: stayBody(seeded.createTarget, target, 2),
      });
    }),
  ),
);

const year = Number(seeded.today.slice(0, 4));
report(
  `monthly statistics, ${READ_CLIENTS} clients`,
  measured(
    await closedLoop(READ_CLIENTS, MODEL_READS, (i) =>
      get(
        `/api/v1/stats/monthly?year=${year + 1 + (i % 2)}&venueId=${seeded.stay.venueId}`,
        seeded.token,
      ),
    ),
  ),
);
const month = (i: number) => addDays(seeded.today, 31 * (i % 12)).slice(0, 7);
report(
  `calendar of a month, ${READ_CLIENTS} c`,
  measured(
    await closedLoop(READ_CLIENTS, MODEL_READS, (i) =>
      get(`/api/v1/venues/${seeded.stay.venueId}/calendar?month=${month(i)}`, seeded.token),
    ),
  ),
);

client.close();
await sleep(QUIET_SECONDS * 1000);
report(`idle, ${QUIET_SECONDS} s after the load`);
sampler.stop();

await mkdir(new URL(".", resultFile), { recursive: true });
await writeFile(resultFile, `${JSON.stringify({ phases }, null, 2)}\n`);
process.stdout.write(`wrote ${resultFile.pathname}\n`);
