import { readdir } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { auditOutbox } from "../checks/outbox-once.ts";
import { compareWithRebuild } from "../checks/projections-rebuild.ts";
import { streamVersions } from "../checks/stream-versions.ts";
import { type ApiProcess, startApiProcesses } from "../infra/api-processes.ts";
import {
  createHouse,
  type House,
  type KeyedRequest,
  ownerToken,
  postBooking,
  stayRequests,
  stressOwner,
} from "../infra/booking-house.ts";
import type { Check, Scenario } from "../scenario.ts";

const ROOMS = 20;
const REQUESTS_PER_ROUND = 1_000;
const CLIENTS = 16;

/** What a round of load saw before the process died under it. */
interface Round {
  label: string;
  /** Requests handed to the api (the rest were never sent). */
  sent: KeyedRequest[];
  /** Key → booking id, for every request answered 201. */
  answered: Map<string, string>;
  /** Answers other than 201 (there should be none: every request has its own room-night). */
  refused: string[];
  restartToReadyMs: number;
  /** Outbox files when the process died. */
  mailsAtKill: number;
  /** Requests that got no answer although their booking had been saved: replayed on retry. */
  savedUnanswered: number;
}

/**
 * `kill -9` of the api (with its embedded PostgreSQL, the default installation) twice in
 * the middle of a load of keyed guest bookings: once as soon as enough bookings were
 * answered, once as soon as the confirmation mails of the second load go out. After each
 * restart every request that was sent is retried with its Idempotency-Key; then the log,
 * the read models and the outbox are audited.
 */
export const killNineScenario: Scenario = {
  name: "kill-nine",
  description:
    "kill -9 of the api twice under a load of keyed bookings (once while mails go out); restart, retry the unanswered, audit bookings, log, read models and outbox",
  async run(context) {
    const dataDir = join(context.workDir, "data");
    const outboxDir = join(dataDir, "outbox");
    const [api] = await startApiProcesses(1, {
      workDir: context.workDir,
      env: {
        BOOKING_OWNER_EMAIL: stressOwner.email,
        BOOKING_OWNER_PASSWORD: stressOwner.password,
        RATE_LIMIT_PER_MINUTE: "0",
      },
    });
    if (!api) throw new Error("no api process");
    try {
      const token = await ownerToken(api.url);
      const house = await createHouse(api.url, token, ROOMS);
      const mailFiles = async () =>
        (await readdir(outboxDir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml"))
          .length;

      context.log("round 1: kill -9 once 60 bookings are answered");
      const first = await loadAndKill(
        api,
        house,
        "r1",
        10,
        dataDir,
        (round) => round.answered.size >= 60,
      );
      context.log(`round 1: restarted in ${first.restartToReadyMs.toFixed(0)} ms`);
      const firstRetry = await retryAll(api, first);

      const mailsBefore = await mailFiles();
      context.log("round 2: kill -9 once 20 of its confirmations are out");
      const second = await loadAndKill(
        api,
        house,
        "r2",
        70,
        dataDir,
        async () => (await mailFiles()) >= mailsBefore + 20,
        mailFiles,
      );
      context.log(`round 2: restarted in ${second.restartToReadyMs.toFixed(0)} ms`);
      const secondRetry = await retryAll(api, second);

      const pool = new pg.Pool({
        host: join(dataDir, "postgres"),
        user: "postgres",
        database: "booking",
        max: 2,
      });
      pool.on("error", () => undefined);
      try {
        context.log("auditing bookings, log, read models and outbox");
        const rounds = [first, second];
        const retries = [...firstRetry, ...secondRetry];
        const checks: Check[] = [];

        const answeredIds = rounds.flatMap((round) => [...round.answered.values()]);
        const { rows: existing } = await pool.query<{ id: string }>(
          "SELECT id FROM bookings WHERE id = ANY($1::uuid[]) AND status = 'confirmed'",
          [answeredIds],
        );
        checks.push({
          claim: "every booking answered 2xx before a kill exists after the restart",
          passed: existing.length === answeredIds.length,
          observed: `${existing.length} of ${answeredIds.length} answered bookings found confirmed`,
        });

        const refused = rounds.flatMap((round) => round.refused);
        checks.push({
          claim: "the load saw no answer other than 201 before the kill",
          passed: refused.length === 0,
          observed: refused.length === 0 ? "none" : refused.slice(0, 3).join("; "),
        });

        const unanswered = retries.filter((retry) => !retry.answeredBefore);
        const badRetries = retries.filter(
          (retry) =>
            retry.status !== 201 || (retry.answeredBefore && retry.answeredBefore !== retry.id),
        );
        checks.push({
          claim:
            "every sent request retried with its Idempotency-Key answers 201, with the same booking when it had been answered",
          passed: badRetries.length === 0 && unanswered.length > 0,
          observed: `${retries.length} retried (${unanswered.length} had no answer); ${badRetries.length} wrong${
            badRetries[0] ? `, e.g. ${JSON.stringify(badRetries[0])}` : ""
          }`,
        });

        const { rows: perRequest } = await pool.query<{ n: number; copies: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE c > 1)::int AS copies FROM (
             SELECT count(*) AS c FROM bookings
             WHERE offering_id = $1 GROUP BY data->'resourceIds', start_at) per`,
          [house.offeringId],
        );
        const sentCount = rounds.reduce((n, round) => n + round.sent.length, 0);
        checks.push({
          claim: "each sent request yields exactly one booking",
          passed: perRequest[0]?.n === sentCount && perRequest[0]?.copies === 0,
          observed: `${sentCount} requests sent, ${perRequest[0]?.n} booked room-nights, ${perRequest[0]?.copies} with more than one booking`,
        });

        const versions = await streamVersions(pool);
        checks.push({
          claim: "stream versions have no gaps and the bookings table matches its streams",
          passed: versions.broken.length === 0 && versions.bookingsOutOfStep.length === 0,
          observed: `${versions.streams} streams; ${versions.broken.length} with a gap or wrong version; ${versions.bookingsOutOfStep.length} bookings out of step`,
        });

        const rebuild = await compareWithRebuild(api.url, token, pool);
        checks.push({
          claim: "the asynchronous read models equal a rebuild from the log",
          passed: rebuild.outcomes.every((outcome) => outcome.equal),
          observed: rebuild.outcomes.map((o) => `${o.name}: ${o.detail}`).join("; "),
        });

        const guests = rounds.flatMap((round) =>
          round.sent.map((request) => (request.body.guest as { email: string }).email),
        );
        const outbox = await auditOutbox(pool, outboxDir, guests);
        checks.push({
          claim:
            "every owed mail is out exactly once: one file per notification, no duplicate Message-ID",
          passed:
            outbox.missing.length === 0 &&
            outbox.extra.length === 0 &&
            outbox.confirmationsNotOne.length === 0,
          observed: `${outbox.owed} owed, ${outbox.sent} sent, ${outbox.files} files; ${outbox.missing.length} missing, ${outbox.extra.length} extra, ${outbox.confirmationsNotOne.length} guests without exactly one confirmation`,
        });
        checks.push({
          claim: "the second kill hit while mails were going out",
          passed:
            second.mailsAtKill > mailsBefore &&
            second.mailsAtKill - mailsBefore < second.sent.length,
          observed: `${second.mailsAtKill - mailsBefore} of the round's ${second.sent.length} confirmations out at the kill`,
        });

        return {
          checks,
          figures: {
            "restart to /ready after kill -9, round 1 (ms)": Math.round(first.restartToReadyMs),
            "restart to /ready after kill -9, round 2 (ms)": Math.round(second.restartToReadyMs),
            "requests sent": sentCount,
            "answered before the kills": answeredIds.length,
            "unanswered, retried": unanswered.length,
            "unanswered but saved before the kill (replayed)":
              first.savedUnanswered + second.savedUnanswered,
            "slowest retry (ms)": Math.round(Math.max(...retries.map((retry) => retry.ms))),
            "mails sent": outbox.sent,
            "outbox drained after the audit began (ms)": Math.round(outbox.drainMs),
            "projection rebuild (ms)": Math.round(rebuild.rebuildMs),
          },
        };
      } finally {
        await pool.end();
      }
    } finally {
      await api.stop();
    }
  },
};

/**
 * `CLIENTS` clients work through the round's requests until `killWhen` holds, then the api
 * is killed with SIGKILL (requests in flight lose their connection) and restarted.
 */
async function loadAndKill(
  api: ApiProcess,
  house: House,
  label: string,
  firstDay: number,
  dataDir: string,
  killWhen: (round: Round) => boolean | Promise<boolean>,
  mailFiles: () => Promise<number> = async () => 0,
): Promise<Round> {
  const requests = stayRequests(house, REQUESTS_PER_ROUND, firstDay, label);
  const round: Round = {
    label,
    sent: [],
    answered: new Map(),
    refused: [],
    restartToReadyMs: 0,
    mailsAtKill: 0,
    savedUnanswered: 0,
  };
  let killed = false;
  const client = async () => {
    while (!killed) {
      const request = requests[round.sent.length];
      if (!request) return;
      round.sent.push(request);
      try {
        const answer = await postBooking(api.url, request);
        if (answer.status === 201 && answer.body.booking) {
          round.answered.set(request.key, answer.body.booking.id);
        } else {
          round.refused.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        }
      } catch {
        // The connection died with the process: this request got no answer.
      }
    }
  };
  const load = Promise.all(Array.from({ length: CLIENTS }, client));
  while (!(await killWhen(round))) {
    if (round.sent.length >= requests.length) {
      throw new Error(`${label}: the load ended before the moment to kill came`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  killed = true;
  await api.kill();
  round.mailsAtKill = await mailFiles();
  await load;
  const started = performance.now();
  await api.restart();
  round.restartToReadyMs = performance.now() - started;
  round.savedUnanswered = await savedKeys(
    dataDir,
    round.sent.filter((request) => !round.answered.has(request.key)).map((request) => request.key),
  );
  return round;
}

/** How many of `keys` have a stored outcome: their booking was saved before the kill. */
async function savedKeys(dataDir: string, keys: string[]): Promise<number> {
  const client = new pg.Client({
    host: join(dataDir, "postgres"),
    user: "postgres",
    database: "booking",
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ANY($1::text[])",
      [keys],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

interface Retry {
  key: string;
  status: number;
  id: string | undefined;
  answeredBefore: string | undefined;
  ms: number;
}

/** Every sent request again, with its key, 8 at a time, as retrying clients would. */
async function retryAll(api: ApiProcess, round: Round): Promise<Retry[]> {
  const results: Retry[] = [];
  let next = 0;
  const client = async () => {
    for (let request = round.sent[next++]; request; request = round.sent[next++]) {
      const answer = await postBooking(api.url, request);
      results.push({
        key: request.key,
        status: answer.status,
        id: answer.body.booking?.id,
        answeredBefore: round.answered.get(request.key),
        ms: answer.ms,
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  return results;
}
