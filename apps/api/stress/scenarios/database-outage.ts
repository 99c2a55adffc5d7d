import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { auditOutbox } from "../checks/outbox-once.ts";
import { type ApiProcess, startApiProcess } from "../infra/api-processes.ts";
import {
  call,
  createHouse,
  type House,
  inDays,
  ownerToken,
  postBooking,
  stayRequests,
  stressOwner,
} from "../infra/booking-house.ts";
import { startDebianPostgres } from "../infra/debian-postgres.ts";
import {
  answeredAt,
  describeProbe,
  isUnavailable,
  type Probe,
  startProbes,
} from "../infra/request-probes.ts";
import { until } from "../infra/until.ts";
import type { Check, Scenario } from "../scenario.ts";

const OUTAGE_MS = 6_000;
const FREEZE_MS = 8_000;
/**
 * A frozen server refuses nothing, it just does not answer: the api knows it is gone once
 * its health checks time out (db/database-health.ts: two checks of 1.5 s, the first up to
 * 1 s after the freeze; about 4 s, with room for a busy machine). Requests sent before wait
 * for the database; from then on they get 503 at once.
 */
const FROZEN_KNOWN_AFTER_MS = 6_000;
const HOLD_TTL_MINUTES = 1;

const ownerEnv = {
  BOOKING_OWNER_EMAIL: stressOwner.email,
  BOOKING_OWNER_PASSWORD: stressOwner.password,
  RATE_LIMIT_PER_MINUTE: "0",
  // When the database went and came back is in the log (kept when a check fails).
  LOG_LEVEL: "info",
};

/**
 * The database goes away under a trickle of requests and comes back, three times: a
 * PostgreSQL server of its own (as with DATABASE_URL) is stopped like a crash for a few
 * seconds and started again; then frozen (SIGSTOP: it refuses nothing and answers
 * nothing, like a hung host or a network that drops packets) and thawed; then the
 * embedded server of a second api process is killed with SIGKILL, and the api must notice
 * and start it again itself. Meanwhile the api must answer quickly, 503 UNAVAILABLE, and
 * come back by itself; its background work (read models, mail, holds) must go on.
 */
export const databaseOutageScenario: Scenario = {
  name: "database-outage",
  description:
    "the database goes away under requests (an external server stopped for 6 s, then frozen for 8 s; the embedded one killed with SIGKILL) and comes back; the api answers 503 meanwhile and recovers without a restart",
  async run(context) {
    const checks: Check[] = [];
    const figures: Record<string, number | string> = {};
    // Commits flushed at once: an immediate stop must not lose what the api acknowledged
    // (the suite's default trades that for speed).
    const postgres = await startDebianPostgres(join(context.workDir, "postgres"), {
      settings: { synchronous_commit: "on" },
    });
    let external: ApiProcess | undefined;
    let embedded: ApiProcess | undefined;
    let frozen: number[] | undefined;
    try {
      const databaseUrl = await postgres.createDatabase("booking");
      external = await startApiProcess("api-external", {
        workDir: context.workDir,
        env: { ...ownerEnv, DATABASE_URL: databaseUrl },
      });
      const token = await ownerToken(external.url);
      const house = await createHouse(external.url, token, 4, HOLD_TTL_MINUTES);
      const hold = await call(external.url, "POST", "/holds", {
        token,
        body: {
          offeringId: house.offeringId,
          resourceIds: [house.resourceIds[0]],
          checkIn: inDays(3),
          checkOut: inDays(4),
          guests: 1,
        },
      });
      if (hold.status !== 201 || !hold.body.booking) {
        throw new Error(`the hold was refused: ${hold.status} ${JSON.stringify(hold.body)}`);
      }
      const holdCreatedAt = performance.now();

      context.log(`external PostgreSQL: stopped (immediate) for ${OUTAGE_MS / 1000} s`);
      const api = external;
      const outage = await outageUnder(api, house, "external", {
        stop: () => postgres.stop("immediate"),
        awayForMs: OUTAGE_MS,
        start: () => postgres.start(),
        firstDay: 400,
      });
      checks.push(
        ...outageChecks("external", outage, { readyWithinMs: 2_000, selfHealing: false }),
      );
      checks.push(await readModelsCaughtUp("external", api));
      Object.assign(figures, outageFigures("external", outage));
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      pool.on("error", () => undefined);
      try {
        checks.push(
          await mailAfterOutage("external", api, house, pool, join(context.workDir, "data")),
        );
      } finally {
        await pool.end();
      }

      context.log(`external PostgreSQL: frozen (SIGSTOP) for ${FREEZE_MS / 1000} s`);
      const freeze = await outageUnder(api, house, "frozen", {
        stop: async () => {
          frozen = await freezeServer(postgres.dataDir);
        },
        awayForMs: FREEZE_MS,
        start: async () => {
          if (frozen) signalAll(frozen, "SIGCONT");
          frozen = undefined;
        },
        firstDay: 520,
        probeTimeoutMs: FREEZE_MS + 10_000,
      });
      checks.push(
        ...outageChecks("frozen", freeze, {
          readyWithinMs: 2_000,
          selfHealing: false,
          judgedAfterMs: FROZEN_KNOWN_AFTER_MS,
          answerWithinMs: FREEZE_MS + 10_000,
        }),
      );
      checks.push(await readModelsCaughtUp("frozen", api));
      Object.assign(figures, outageFigures("frozen", freeze));
      figures["frozen: first request answered 503 at once after (ms)"] = Math.round(
        firstFastUnavailable(freeze),
      );

      context.log("embedded PostgreSQL: its postmaster killed with SIGKILL");
      const embeddedDataDir = join(context.workDir, "embedded-data");
      embedded = await startApiProcess("api-embedded", {
        workDir: context.workDir,
        env: { ...ownerEnv, BOOKING_DATA_DIR: embeddedDataDir },
      });
      const embeddedApi = embedded;
      const embeddedHouse = await createHouse(embedded.url, await ownerToken(embedded.url), 4);
      const postmasterFile = join(embeddedDataDir, "postgres", "postmaster.pid");
      const postmaster = async () =>
        Number((await readFile(postmasterFile, "utf8").catch(() => "")).split("\n")[0]);
      const killedPid = await postmaster();
      const crash = await outageUnder(embedded, embeddedHouse, "embedded", {
        stop: async () => process.kill(killedPid, "SIGKILL"),
        awayForMs: 0,
        firstDay: 400,
        // Nobody starts it but the api's own supervisor: this only waits for that.
        start: async () => {
          await until(
            "a new embedded postmaster",
            async () => {
              const pid = await postmaster();
              return pid > 0 && pid !== killedPid;
            },
            30_000,
          );
        },
      });
      checks.push(
        ...outageChecks("embedded", crash, { readyWithinMs: undefined, selfHealing: true }),
      );
      checks.push(await readModelsCaughtUp("embedded", embeddedApi));
      Object.assign(figures, outageFigures("embedded", crash));
      const embeddedPool = new pg.Pool({
        host: join(embeddedDataDir, "postgres"),
        user: "postgres",
        database: "booking",
        max: 2,
      });
      embeddedPool.on("error", () => undefined);
      try {
        checks.push(
          await mailAfterOutage(
            "embedded",
            embeddedApi,
            embeddedHouse,
            embeddedPool,
            embeddedDataDir,
          ),
        );
      } finally {
        await embeddedPool.end();
      }

      context.log("waiting for the hold made before the outage to expire");
      const holdId = hold.body.booking.id;
      const ttlMs = HOLD_TTL_MINUTES * 60_000;
      let expiredAfterMs = Number.NaN;
      await until(
        "the hold expired",
        async () => {
          const answer = await call(api.url, "GET", `/bookings/${holdId}`, { token });
          const booking = answer.body.booking as { status?: string } | undefined;
          if (booking?.status !== "expired") return false;
          expiredAfterMs = performance.now() - holdCreatedAt;
          return true;
        },
        ttlMs + 90_000,
      ).catch(() => undefined);
      const rebook = await postBooking(api.url, {
        key: crypto.randomUUID(),
        body: {
          offeringId: house.offeringId,
          resourceIds: [house.resourceIds[0]],
          checkIn: inDays(3),
          checkOut: inDays(4),
          guests: 1,
          guest: { name: "After Hold", email: "after-hold@stress.example.org", phone: "+49 30 1" },
        },
      });
      checks.push({
        claim: `a hold made before the outage frees its room within its TTL (${HOLD_TTL_MINUTES} min) + 60 s`,
        passed: expiredAfterMs <= ttlMs + 60_000 && rebook.status === 201,
        observed: `expired ${(expiredAfterMs / 1000).toFixed(0)} s after it was made; booking the room again: ${rebook.status}`,
      });
      figures["hold expired after (s)"] = Number((expiredAfterMs / 1000).toFixed(1));
      checks.push({
        claim: "both api processes stayed up throughout",
        passed: api.running && embeddedApi.running,
        observed: `external ${api.running ? "running" : "gone"}, embedded ${embeddedApi.running ? "running" : "gone"}`,
      });
      return { checks, figures };
    } finally {
      if (frozen) signalAll(frozen, "SIGCONT");
      await embedded?.stop();
      await external?.stop();
      await postgres.destroy();
    }
  },
};

interface Outage {
  probes: Probe[];
  pid: number;
  pidAfter: number;
  /** performance.now() marks. */
  stopBegan: number;
  stopped: number;
  /** When the scenario began to start the database again (or to wait for the api to). */
  startBegan: number;
  back: number;
  /**
   * The end of the window in which requests are judged as sent to a database that is
   * down: until the scenario starts it again, or, when the api restarts it itself, until
   * it is back (requests may then be served already).
   */
  downUntil: number;
  /** When /ready and a booking first succeeded again (NaN: never). */
  readyAgain: number;
  bookingAgain: number;
}

/**
 * Probes run before, during and after: `stop` takes the database away, `start` resolves
 * once it accepts connections again (started by the scenario or by the api itself).
 */
async function outageUnder(
  api: ApiProcess,
  house: House,
  label: string,
  database: {
    stop(): Promise<unknown>;
    awayForMs: number;
    start(): Promise<unknown>;
    /** Where the probes' bookings start (days ahead): phases on one house must not meet. */
    firstDay: number;
    probeTimeoutMs?: number;
  },
): Promise<Outage> {
  const probes = startProbes(api.url, house, {
    label,
    firstDay: database.firstDay,
    timeoutMs: database.probeTimeoutMs ?? 5_000,
  });
  const pid = api.pid;
  try {
    await until("probes answered before the outage", async () => probes.all.length >= 8, 30_000);
    const stopBegan = performance.now();
    await database.stop();
    const stopped = performance.now();
    await new Promise((resolve) => setTimeout(resolve, database.awayForMs));
    const startBegan = performance.now();
    await database.start();
    const back = performance.now();
    const firstAfter = (what: Probe["what"], status: number) =>
      probes.all
        .filter((p) => p.what === what && p.status === status && p.sentAt >= back)
        .reduce((first, p) => Math.min(first, answeredAt(p)), Number.POSITIVE_INFINITY);
    await until(
      `${label}: ready and booking again`,
      async () =>
        Number.isFinite(firstAfter("ready", 200)) && Number.isFinite(firstAfter("booking", 201)),
      30_000,
    ).catch(() => undefined);
    await probes.stop();
    const readyAgain = firstAfter("ready", 200);
    const bookingAgain = firstAfter("booking", 201);
    return {
      probes: probes.all,
      pid,
      pidAfter: api.pid,
      stopBegan,
      stopped,
      startBegan,
      back,
      downUntil: database.awayForMs > 0 ? startBegan : back,
      readyAgain: Number.isFinite(readyAgain) ? readyAgain : Number.NaN,
      bookingAgain: Number.isFinite(bookingAgain) ? bookingAgain : Number.NaN,
    };
  } finally {
    await probes.stop();
  }
}

function firstReady503(outage: Outage): number {
  const first = outage.probes
    .filter((p) => p.what === "ready" && p.status === 503 && p.sentAt >= outage.stopBegan)
    .reduce((min, p) => Math.min(min, answeredAt(p)), Number.POSITIVE_INFINITY);
  return first - outage.stopped;
}

function outageChecks(
  label: string,
  outage: Outage,
  options: {
    readyWithinMs: number | undefined;
    /** The api restarts the database itself: recovery counts from the crash. */
    selfHealing: boolean;
    /**
     * Requests sent this long after the stop are held to "503 within 1 s" (a frozen
     * database is only known to be gone after its checks time out; earlier requests wait).
     */
    judgedAfterMs?: number;
    /** How long a request may take at most before it counts as hanging. */
    answerWithinMs?: number;
  },
): Check[] {
  const judgedAfterMs = options.judgedAfterMs ?? 0;
  const answerWithinMs = options.answerWithinMs ?? 5_000;
  const checks: Check[] = [];
  if (options.readyWithinMs !== undefined) {
    const readyDownMs = firstReady503(outage);
    checks.push({
      claim: `${label}: /ready answers 503 within 2 s of the database stopping`,
      passed: readyDownMs <= options.readyWithinMs,
      observed: Number.isFinite(readyDownMs)
        ? `503 after ${Math.max(0, readyDownMs).toFixed(0)} ms`
        : "never 503",
    });
  }
  // Sent while the database was away, before it came back.
  const during = outage.probes.filter(
    (p) =>
      p.what !== "health" &&
      p.sentAt >= outage.stopped + judgedAfterMs &&
      p.sentAt < outage.downUntil,
  );
  const slowOrWrong = during.filter(
    (p) => p.ms > 1_000 || !(isUnavailable(p) || (p.status >= 200 && p.status < 300)),
  );
  const unavailable = during.filter(isUnavailable);
  checks.push({
    claim: `${label}: ${
      judgedAfterMs > 0
        ? `from ${judgedAfterMs / 1000} s after the stop on`
        : "while the database is down"
    }, requests answer within 1 s: 503 UNAVAILABLE with Retry-After (/ready 503)${
      options.selfHealing ? " or, once it is back, served" : ""
    }`,
    passed:
      slowOrWrong.length === 0 &&
      (options.selfHealing || unavailable.length === during.length) &&
      unavailable.length > 0,
    observed: `${during.length} requests, ${unavailable.length} answered 503, slowest ${Math.max(
      0,
      ...during.map((p) => p.ms),
    ).toFixed(0)} ms; ${slowOrWrong.length} slow or otherwise${
      slowOrWrong[0] ? `, e.g. ${describeProbe(slowOrWrong[0])}` : ""
    }`,
  });
  const hung = outage.probes.filter((p) => p.status === 0);
  const otherErrors = outage.probes.filter((p) => p.status >= 500 && !isUnavailable(p));
  const health = outage.probes.filter((p) => p.what === "health");
  checks.push({
    claim: `${label}: nothing hangs or fails otherwise: every request answered (within ${
      answerWithinMs / 1000
    } s), no 5xx but 503 UNAVAILABLE, /health always 200, same process`,
    passed:
      hung.length === 0 &&
      otherErrors.length === 0 &&
      health.every((p) => p.status === 200) &&
      outage.pid === outage.pidAfter,
    observed: `${outage.probes.length} requests; ${hung.length} unanswered${
      hung[0] ? ` (${describeProbe(hung[0])})` : ""
    }, ${otherErrors.length} other 5xx${otherErrors[0] ? ` (${describeProbe(otherErrors[0])})` : ""}, /health ${
      health.filter((p) => p.status === 200).length
    }/${health.length} ok, pid ${outage.pid} → ${outage.pidAfter}`,
  });
  const recoveredMs =
    Math.max(outage.readyAgain, outage.bookingAgain) -
    (options.selfHealing ? outage.stopped : outage.back);
  checks.push({
    claim: options.selfHealing
      ? `${label}: the api starts its database again itself and serves within 5 s of the crash, without a restart of the api`
      : `${label}: service resumes within 5 s of the database's return, without a restart of the api`,
    passed: recoveredMs <= 5_000 && outage.pid === outage.pidAfter,
    observed: Number.isNaN(recoveredMs)
      ? "no /ready 200 and booking 201 within 30 s"
      : `/ready 200 and a booking 201 after ${Math.max(0, recoveredMs).toFixed(0)} ms`,
  });
  return checks;
}

function outageFigures(label: string, outage: Outage): Record<string, number> {
  const round = (ms: number) => (Number.isFinite(ms) ? Math.round(Math.max(0, ms)) : Number.NaN);
  const during = outage.probes.filter(
    (p) => p.what !== "health" && p.sentAt >= outage.stopped && p.sentAt < outage.downUntil,
  );
  const sorted = during.map((p) => p.ms).sort((a, b) => a - b);
  return {
    [`${label}: database stop took (ms)`]: round(outage.stopped - outage.stopBegan),
    [`${label}: database away for (ms)`]: round(outage.back - outage.stopped),
    [`${label}: time to /ready 503 (ms)`]: round(firstReady503(outage)),
    [`${label}: answers while down, p99 (ms)`]: round(
      sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN,
    ),
    [`${label}: database stop to service again (ms)`]: round(
      Math.max(outage.readyAgain, outage.bookingAgain) - outage.stopped,
    ),
    [`${label}: database back to service again (ms)`]: round(
      Math.max(outage.readyAgain, outage.bookingAgain) - outage.back,
    ),
  };
}

/**
 * A guest books once the database is back: the reactor must write the confirmation and
 * the sender deliver it, both after losing their connections; every mail owed before,
 * during the probes and now goes out exactly once.
 */
async function mailAfterOutage(
  label: string,
  api: ApiProcess,
  house: House,
  pool: pg.Pool,
  dataDir: string,
): Promise<Check> {
  const [request] = stayRequests(house, 1, 700, `${label}-after`);
  if (!request) throw new Error("no request");
  const answer = await postBooking(api.url, request);
  const guest = (request.body.guest as { email: string }).email;
  const outbox = await auditOutbox(pool, join(dataDir, "outbox"), [guest], 30_000);
  return {
    claim: `${label}: mail resumes: a booking made after the outage gets its confirmation, and every owed mail is out exactly once`,
    passed:
      answer.status === 201 &&
      outbox.missing.length === 0 &&
      outbox.extra.length === 0 &&
      outbox.confirmationsNotOne.length === 0,
    observed: `booking ${answer.status}; ${outbox.owed} owed, ${outbox.sent} sent, ${outbox.files} files, ${outbox.missing.length} missing, ${outbox.extra.length} extra; all out ${Number.isNaN(outbox.drainMs) ? "never" : `${Math.round(outbox.drainMs)} ms after the booking`}`,
  };
}

/** The asynchronous read models pick up again: /ready reports no lag within 15 s. */
async function readModelsCaughtUp(label: string, api: ApiProcess): Promise<Check> {
  let lags = "";
  const caughtUp = await until(
    `${label}: read models caught up`,
    async () => {
      const response = await fetch(`${api.url}/ready`, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json()) as { projections?: { name: string; lag: number }[] };
      lags = (body.projections ?? []).map((p) => `${p.name} ${p.lag}`).join(", ");
      return response.status === 200 && (body.projections ?? []).every((p) => p.lag === 0);
    },
    15_000,
  ).then(
    () => true,
    () => false,
  );
  return {
    claim: `${label}: the read models and reactors catch up after the outage (lag 0 within 15 s)`,
    passed: caughtUp && lags.length > 0,
    observed: lags || "no projections reported",
  };
}

/**
 * Stops (SIGSTOP) the server's postmaster, then every process it has started: once the
 * postmaster stands still it starts no new backend. Returns them all, for SIGCONT.
 */
async function freezeServer(dataDir: string): Promise<number[]> {
  const postmaster = Number(
    (await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0],
  );
  signalAll([postmaster], "SIGSTOP");
  const { stdout } = await promisify(execFile)("ps", ["-o", "pid=", "--ppid", String(postmaster)]);
  const children = stdout.split(/\s+/).filter(Boolean).map(Number);
  signalAll(children, "SIGSTOP");
  return [postmaster, ...children];
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
}

/** When (after the stop) an API request was first answered 503 within 1 s. */
function firstFastUnavailable(outage: Outage): number {
  const first = outage.probes
    .filter(
      (p) => p.what !== "ready" && p.sentAt >= outage.stopped && isUnavailable(p) && p.ms <= 1_000,
    )
    .reduce((min, p) => Math.min(min, p.sentAt), Number.POSITIVE_INFINITY);
  return first - outage.stopped;
}
