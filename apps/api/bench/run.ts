import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestPostgres } from "@booking/vitest-config/postgres-server";
import pg from "pg";
import { type BenchApi, startApi } from "./api-process.ts";
import { startBareServer } from "./bare-server.ts";
import { createBaseline } from "./baseline.ts";
import { addDays } from "./dates.ts";
import { closedLoop, HttpClient, type LoadResult, median } from "./http-load.ts";
import { notificationBurst, untilOutboxDrained } from "./notification-burst.ts";
import {
  createVenueFeed,
  freeNights,
  type StayTarget,
  seed,
  seedFeedVenue,
  stayBody,
} from "./seed.ts";

const RUNS = 3;
const ROOMS = 20;
const BOOKINGS_PER_ROOM = 500;
const SEED_CONCURRENCY = 16;
const READ_CLIENTS = 50;
const CREATE_CLIENTS = 32;
/** The api's own pool size (src/db/database.ts): the baseline gets no more connections. */
const BASELINE_POOL = 10;
// Reads follow the seeding of 10,000 bookings: a long warm-up lets the JIT and the heap
// settle first (seen here: the first 15,000 reads after seeding ran at half the speed of
// the next ones).
const READS = { warmup: 10_000, warmupSeconds: 30, maxOperations: 15_000, maxSeconds: 10 };
// The read models' answers (statistics, a calendar month of about 90 KB) cost far more per
// request: runs bounded by time keep them to about half a minute together.
const MODEL_READS = { warmup: 2_000, warmupSeconds: 2, maxOperations: 6_000, maxSeconds: 3 };
const CREATES = { warmup: 400, maxOperations: 2000, maxSeconds: 15 };
// A venue's calendar feed as phones poll it: 2,000 stays (about 1.5 MB of iCalendar), 20
// clients. Each answer is large, so the runs are bounded by time like the read models'.
const FEED_ROOMS = 20;
const FEED_BOOKINGS_PER_ROOM = 100;
const FEED_CLIENTS = 20;
const FEED_READS = { warmup: 200, warmupSeconds: 2, maxOperations: 4_000, maxSeconds: 3 };
const owner = { email: "owner@bench.example.org", password: "bench owner password" };
const resultFile = new URL("../../../.bench/booking.json", import.meta.url);
/** Set to a directory to write a CPU profile of the api process (node --cpu-prof). */
const profileDir = process.env.BOOKING_BENCH_PROFILE_DIR;

type Figure = { ours: number; baseline: number | null; ratio: number | null; unit: string };
type Figures = Record<string, Figure>;

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function expectOk(client: HttpClient, path: string) {
  const response = await client.request("GET", path);
  if (response.status !== 200) {
    throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 300)}`);
  }
}

/** Medians over the runs of throughput, p50 and p99 (each median taken on its own). */
function summarize(runs: LoadResult[]) {
  return {
    throughput: median(runs.map((r) => r.throughput)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function add(figures: Figures, metric: string, ours: number, unit: string, baseline?: number) {
  const digits = unit === "ms" ? 2 : unit === "MB" ? 1 : 0;
  figures[metric] = {
    ours: round(ours, digits),
    baseline: baseline === undefined ? null : round(baseline, digits),
    ratio: baseline === undefined ? null : round(ours / baseline, 2),
    unit,
  };
}

async function untilProjectionsCaughtUp(client: HttpClient): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await client.request("GET", "/ready");
    const { projections } = JSON.parse(response.body) as { projections: { lag: number }[] };
    if (projections.every((projection) => projection.lag === 0)) {
      return performance.now() - started;
    }
    if (performance.now() - started > 120_000) throw new Error("projections did not catch up");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function runLine(label: string, run: LoadResult) {
  print(
    `  ${label.padEnd(26)} ${String(run.count).padStart(5)} in ${run.seconds.toFixed(1).padStart(4)} s` +
      `  ${Math.round(run.throughput).toString().padStart(5)}/s` +
      `  p50 ${run.p50.toFixed(2).padStart(6)} ms  p99 ${run.p99.toFixed(2).padStart(6)} ms`,
  );
}

/**
 * RUNS runs each of ours and of the baseline, in alternating order so that drift on a
 * noisy machine hits both alike; with the api's CPU time during our runs (microseconds).
 */
async function alternateRuns(
  api: BenchApi,
  labels: { ours: string; baseline: string },
  ours: () => Promise<LoadResult>,
  baseline: () => Promise<LoadResult>,
) {
  const results = { ours: [] as LoadResult[], baseline: [] as LoadResult[], cpuMicros: 0 };
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? (["ours", "baseline"] as const) : (["baseline", "ours"] as const);
    for (const which of order) {
      const cpuBefore = (await api.memory()).cpuMicros;
      const result = await (which === "ours" ? ours() : baseline());
      if (which === "ours") results.cpuMicros += (await api.memory()).cpuMicros - cpuBefore;
      results[which].push(result);
      runLine(`${labels[which]} run ${run + 1}`, result);
    }
  }
  return results;
}

async function main() {
  const benchStarted = performance.now();
  const server = await startTestPostgres();
  const dataDir = await mkdtemp(join(tmpdir(), "booking-bench-"));
  const figures: Figures = {};
  let rss = 0;
  try {
    const url = await createDatabase(server.adminUrl, "bench_booking");
    const api = await startApi(
      {
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: url,
        BOOKING_DATA_DIR: dataDir,
        BOOKING_DEMO: "0",
        LOG_LEVEL: "silent",
        RATE_LIMIT_PER_MINUTE: "0",
        BOOKING_OWNER_EMAIL: owner.email,
        BOOKING_OWNER_PASSWORD: owner.password,
      },
      profileDir,
    );
    const client = new HttpClient(api.url, 64);
    try {
      print(
        `api pid ${api.pid} at ${api.url}${profileDir ? ` (cpu profile → ${profileDir})` : ""}`,
      );
      // Before any request: what the process costs idle, to tell load from baseline.
      const atStart = await api.memory();
      print(
        `Seeding ${ROOMS * BOOKINGS_PER_ROOM} stays over the api (${SEED_CONCURRENCY} clients)…`,
      );
      const seeded = await seed(client, owner, {
        rooms: ROOMS,
        bookingsPerRoom: BOOKINGS_PER_ROOM,
        concurrency: SEED_CONCURRENCY,
      });
      print(
        `  ${seeded.stayBookings} stays, ${seeded.slotBookings} workshop bookings on ${seeded.slotDate}` +
          ` in ${seeded.seconds.toFixed(1)} s (${Math.round(seeded.stayBookings / seeded.seconds)}/s)`,
      );
      // The asynchronous projections follow the burst behind the appends: how long after
      // its last answer every one of them has handled every event (lag 0 in /ready).
      const caughtUpMs = await untilProjectionsCaughtUp(client);
      print(`  projections caught up ${caughtUpMs.toFixed(0)} ms after the last booking`);
      add(figures, "projections_caught_up_after_10k_bookings", caughtUpMs, "ms");
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Every booking owes its booker a confirmation (and a reminder, later): the reads
      // below are measured once the outbox has sent what is due, as a quiet system would.
      const drainedMs = await untilOutboxDrained(admin);
      print(`  outbox drained ${drainedMs.toFixed(0)} ms after that`);
      add(figures, "outbox_drained_after_10k_bookings", drainedMs, "ms");
      // What autovacuum would have done after 10,000 inserts; plans on fresh statistics.
      await admin.query("ANALYZE");
      const reservations = await admin.query<{ n: string }>(
        "SELECT count(*) AS n FROM reservations",
      );
      print(`  ${reservations.rows[0]?.n} reservations in the database`);

      // Availability: 31 nights of the 20-room home, the window moving over the two years.
      const windows = Array.from({ length: 20 }, (_, i) => addDays(seeded.today, 10 + i * 33));
      const availabilityPath = (i: number) => {
        const from = windows[i % windows.length] as string;
        return `/api/v1/offerings/${seeded.stay.offeringId}/availability?from=${from}&to=${addDays(from, 31)}`;
      };
      await expectOk(client, availabilityPath(0));
      const slotsPath = `/api/v1/offerings/${seeded.slot.offeringId}/slots?date=${seeded.slotDate}`;
      await expectOk(client, slotsPath);

      // Each read is measured against a bare node:http server answering the same bytes
      // (bare-server-child.ts): the floor this machine and load generator allow.
      const read = async (
        label: string,
        path: (i: number) => string,
        paths: number,
        options: { token?: string; limits?: typeof READS; clients?: number } = {},
      ) => {
        const limits = options.limits ?? READS;
        const clients = options.clients ?? READ_CLIENTS;
        const auth = options.token ? { token: options.token } : {};
        const bodies: Record<string, string> = {};
        for (let i = 0; i < paths; i++) {
          const response = await client.request("GET", path(i), auth);
          if (response.status !== 200) {
            throw new Error(`GET ${path(i)}: ${response.status} ${response.body.slice(0, 300)}`);
          }
          bodies[path(i)] = response.body;
        }
        const bare = await startBareServer(bodies);
        const bareClient = new HttpClient(bare.url, 64);
        const getFrom = (through: HttpClient) => async (i: number) => {
          const response = await through.request("GET", path(i), auth);
          if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
        };
        const get = getFrom(client);
        const getBare = getFrom(bareClient);
        const warmup = { maxOperations: limits.warmup, maxSeconds: limits.warmupSeconds };
        await closedLoop(clients, warmup, get);
        await closedLoop(clients, warmup, getBare);
        const runs = await alternateRuns(
          api,
          { ours: label, baseline: "bare server" },
          () => closedLoop(clients, limits, get),
          () => closedLoop(clients, limits, getBare),
        );
        bareClient.close();
        await bare.stop();
        const requests = runs.ours.reduce((n, r) => n + r.count, 0);
        return {
          ...summarize(runs.ours),
          bare: summarize(runs.baseline),
          cpuMs: runs.cpuMicros / 1000 / requests,
        };
      };
      print(`Availability, 31 days, ${ROOMS} rooms, ${READ_CLIENTS} clients`);
      const availability = await read("availability", availabilityPath, windows.length);
      add(figures, "availability_31d_50c_p50", availability.p50, "ms", availability.bare.p50);
      add(figures, "availability_31d_50c_p99", availability.p99, "ms", availability.bare.p99);
      add(
        figures,
        "availability_31d_50c_throughput",
        availability.throughput,
        "requests/s",
        availability.bare.throughput,
      );
      add(figures, "availability_api_cpu_per_request", availability.cpuMs, "ms");
      print(`Slots, one day, 5 bays, 15-min step, ${READ_CLIENTS} clients`);
      const slots = await read("slots", () => slotsPath, 1);
      add(figures, "slots_1d_50c_p50", slots.p50, "ms", slots.bare.p50);
      add(figures, "slots_1d_50c_p99", slots.p99, "ms", slots.bare.p99);
      add(
        figures,
        "slots_1d_50c_throughput",
        slots.throughput,
        "requests/s",
        slots.bare.throughput,
      );
      add(figures, "slots_api_cpu_per_request", slots.cpuMs, "ms");

      // Creates: every request books its own free room-night of the second holiday home.
      print(`Booking create, ${CREATE_CLIENTS} clients, no contention`);
      const targets = freeNights(ROOMS, 2, 725, seeded.today);
      let nextTarget = 0;
      let lastCreated = "";
      const createOurs = async () => {
        const target = targets[nextTarget++] as StayTarget;
        if (!target) throw new Error("out of free room-nights");
        const body = stayBody(seeded.createTarget, target, 2);
        const created = await client.json<{ booking: { id: string } }>(
          "POST",
          "/api/v1/bookings",
          201,
          { token: seeded.token, body },
        );
        lastCreated = created.booking.id;
      };
      await closedLoop(
        CREATE_CLIENTS,
        { maxOperations: CREATES.warmup, maxSeconds: 60 },
        createOurs,
      );
      const baseline = await createBaseline(url, BASELINE_POOL, lastCreated);
      let nextBaseline = 0;
      const createBaselineOne = () => baseline.book(nextBaseline++);
      await closedLoop(
        CREATE_CLIENTS,
        { maxOperations: CREATES.warmup, maxSeconds: 60 },
        createBaselineOne,
      );
      const {
        ours,
        baseline: direct,
        cpuMicros: createCpuMicros,
      } = await alternateRuns(
        api,
        { ours: "api (HTTP)", baseline: "pg baseline" },
        () => closedLoop(CREATE_CLIENTS, CREATES, createOurs),
        () => closedLoop(CREATE_CLIENTS, CREATES, createBaselineOne),
      );
      await baseline.close();
      const create = summarize(ours);
      const createBaselineFigures = summarize(direct);
      add(
        figures,
        "booking_create_32c_throughput",
        create.throughput,
        "bookings/s",
        createBaselineFigures.throughput,
      );
      add(figures, "booking_create_32c_p50", create.p50, "ms", createBaselineFigures.p50);
      add(figures, "booking_create_32c_p99", create.p99, "ms", createBaselineFigures.p99);
      const created = ours.reduce((n, r) => n + r.count, 0);
      add(figures, "booking_create_api_cpu_per_request", createCpuMicros / 1000 / created, "ms");
      const memory = await api.memory();
      rss = memory.rss;
      add(figures, "api_rss_at_start", atStart.rss / 1048576, "MB");
      add(figures, "api_rss_after_load", memory.rss / 1048576, "MB");
      print(
        `api memory after the load: rss ${(memory.rss / 1048576).toFixed(1)} MB, heap used ` +
          `${(memory.heapUsed / 1048576).toFixed(1)} of ${(memory.heapTotal / 1048576).toFixed(1)} MB`,
      );

      // The read models, as an admin: a year of the 20-room home's monthly statistics, and
      // its calendar of a month (20 rooms × about 21 stays, labelled with the booker's name).
      // Measured after the load above, so that api_rss_after_load stays the figure it always
      // was; their answers are larger than availability's, and what they add to the memory
      // is api_rss_after_read_models.
      const thisYear = Number(seeded.today.slice(0, 4));
      const statsPath = (i: number) =>
        `/api/v1/stats/monthly?year=${thisYear + 1 + (i % 2)}&venueId=${seeded.stay.venueId}`;
      print(`Monthly statistics of a year, ${READ_CLIENTS} clients, as admin`);
      const stats = await read("stats monthly", statsPath, 2, {
        token: seeded.token,
        limits: MODEL_READS,
      });
      add(figures, "stats_monthly_50c_p50", stats.p50, "ms", stats.bare.p50);
      add(figures, "stats_monthly_50c_p99", stats.p99, "ms", stats.bare.p99);
      add(
        figures,
        "stats_monthly_50c_throughput",
        stats.throughput,
        "requests/s",
        stats.bare.throughput,
      );
      add(figures, "stats_monthly_api_cpu_per_request", stats.cpuMs, "ms");
      // The twelve months after this one, each full of stays.
      const months = Array.from({ length: 12 }, (_, i) => {
        const index = Number(seeded.today.slice(5, 7)) + i;
        return `${thisYear + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
      });
      const calendarPath = (i: number) =>
        `/api/v1/venues/${seeded.stay.venueId}/calendar?month=${months[i % months.length]}`;
      print(`Calendar of a month, ${ROOMS} rooms, ${READ_CLIENTS} clients, as admin`);
      const calendar = await read("calendar month", calendarPath, months.length, {
        token: seeded.token,
        limits: MODEL_READS,
      });
      add(figures, "calendar_month_50c_p50", calendar.p50, "ms", calendar.bare.p50);
      add(figures, "calendar_month_50c_p99", calendar.p99, "ms", calendar.bare.p99);
      add(
        figures,
        "calendar_month_50c_throughput",
        calendar.throughput,
        "requests/s",
        calendar.bare.throughput,
      );
      add(figures, "calendar_api_cpu_per_request", calendar.cpuMs, "ms");
      const afterReadModels = await api.memory();
      add(figures, "api_rss_after_read_models", afterReadModels.rss / 1048576, "MB");

      // A venue's calendar feed, after everything above (so the figures before keep their
      // meaning): 2,000 stays of a third house, booked over the api.
      print(
        `Seeding ${FEED_ROOMS * FEED_BOOKINGS_PER_ROOM} stays of a third house for its venue feed…`,
      );
      const feedVenue = await seedFeedVenue(client, seeded.token, {
        rooms: FEED_ROOMS,
        bookingsPerRoom: FEED_BOOKINGS_PER_ROOM,
        concurrency: SEED_CONCURRENCY,
      });
      print(`  ${feedVenue.bookings} stays in ${feedVenue.seconds.toFixed(1)} s`);
      await admin.query("ANALYZE");
      // Rendering (no rendering kept yet): the first answer of five new feeds of the venue.
      const firstAnswers: number[] = [];
      let feedBytes = 0;
      for (let i = 0; i < 5; i++) {
        const path = await createVenueFeed(client, seeded.token, feedVenue.venue.venueId, `f${i}`);
        const started = performance.now();
        const response = await client.request("GET", path);
        firstAnswers.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
        feedBytes = Buffer.byteLength(response.body);
      }
      print(
        `  first answer of a feed (rendering ${feedVenue.bookings} events, ${(feedBytes / 1048576).toFixed(2)} MB): ` +
          `${firstAnswers.map((ms) => ms.toFixed(0)).join(", ")} ms`,
      );
      add(figures, "feed_venue_2k_first_answer", median(firstAnswers.slice(1)), "ms");
      print(`Venue feed, ${feedVenue.bookings} bookings, ${FEED_CLIENTS} clients, no credentials`);
      const feed = await read("venue feed", () => feedVenue.feedPath, 1, {
        limits: FEED_READS,
        clients: FEED_CLIENTS,
      });
      add(figures, "feed_venue_2k_20c_p50", feed.p50, "ms", feed.bare.p50);
      add(figures, "feed_venue_2k_20c_p99", feed.p99, "ms", feed.bare.p99);
      add(
        figures,
        "feed_venue_2k_20c_throughput",
        feed.throughput,
        "requests/s",
        feed.bare.throughput,
      );
      add(figures, "feed_api_cpu_per_request", feed.cpuMs, "ms");
      // What a phone's poll costs when nothing changed: If-None-Match → 304, no body.
      const { headers } = await client.request("GET", feedVenue.feedPath);
      const etag = String(headers.etag);
      const poll = async () => {
        const response = await client.request("GET", feedVenue.feedPath, {
          headers: { "if-none-match": etag },
        });
        if (response.status !== 304) throw new Error(`feed poll: ${response.status}`);
      };
      await closedLoop(FEED_CLIENTS, { maxOperations: 2_000, maxSeconds: 2 }, poll);
      const polls: LoadResult[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await closedLoop(FEED_CLIENTS, READS, poll);
        runLine(`feed 304 run ${run + 1}`, result);
        polls.push(result);
      }
      const notModified = summarize(polls);
      add(figures, "feed_venue_304_20c_p50", notModified.p50, "ms");
      add(figures, "feed_venue_304_20c_p99", notModified.p99, "ms");
      add(figures, "feed_venue_304_20c_throughput", notModified.throughput, "requests/s");
      add(figures, "api_rss_after_feeds", (await api.memory()).rss / 1048576, "MB");

      // Notifications: a burst of confirmations, each a mail with a calendar invitation,
      // into the file sink (docs/quality.md: 1,000 within 10 s, exactly one each).
      print("Notifications: 1,000 stays waiting for approval, confirmed in a burst (32 clients)");
      const burst = await notificationBurst(client, seeded.token, admin, dataDir, seeded.today);
      print(
        `  confirmed in ${(burst.confirmMs / 1000).toFixed(1)} s; all ${burst.confirmations} ` +
          `confirmations in the outbox after ${(burst.deliveredMs / 1000).toFixed(1)} s; ` +
          `exactly once: ${burst.exactlyOnce ? "yes" : "NO"}`,
      );
      add(figures, "notifications_1000_confirmations_delivered", burst.deliveredMs, "ms");
      add(figures, "notifications_exactly_once", burst.exactlyOnce ? 1 : 0, "boolean");
      await admin.end();
    } finally {
      client.close();
      await api.stop();
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  printTable(figures);
  print(
    "baseline: reads → a bare node:http server answering the same bytes; " +
      "create → the same SQL transaction issued directly with pg",
  );
  print(
    `(api rss ${(rss / 1048576).toFixed(1)} MB; whole bench ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`,
  );
  await mkdir(new URL(".", resultFile), { recursive: true });
  await writeFile(resultFile, `${JSON.stringify(figures, null, 2)}\n`);
  print(`Wrote ${resultFile.pathname}`);
}

const targets: Record<string, string> = {
  availability_31d_50c_p99: "≤ 15 ms",
  slots_1d_50c_p99: "≤ 10 ms",
  stats_monthly_50c_p99: "≤ 200 ms",
  calendar_month_50c_p99: "≤ 200 ms",
  booking_create_32c_throughput: "ratio ≥ 0.5",
  booking_create_32c_p99: "≤ 50 ms",
  api_rss_after_load: "≤ 150 MB",
  notifications_1000_confirmations_delivered: "≤ 10000 ms",
  notifications_exactly_once: "= 1",
};

function printTable(figures: Figures) {
  print("");
  print(
    `${"metric (median of 3)".padEnd(34)}${"ours".padStart(10)}${"baseline".padStart(10)}` +
      `${"ratio".padStart(7)}  ${"unit".padEnd(11)} target`,
  );
  for (const [metric, figure] of Object.entries(figures)) {
    print(
      `${metric.padEnd(34)}${String(figure.ours).padStart(10)}` +
        `${String(figure.baseline ?? "–").padStart(10)}${String(figure.ratio ?? "–").padStart(7)}` +
        `  ${figure.unit.padEnd(11)} ${targets[metric] ?? ""}`,
    );
  }
}

await main();
