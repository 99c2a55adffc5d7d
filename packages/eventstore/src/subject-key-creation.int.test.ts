import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import type pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import type { EventStore } from "./event-store.ts";
import { defineInlineProjection } from "./inline-projection.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const masterKey = randomBytes(32);

interface Tables {
  claims: { name: string };
}
type Claimed = { type: "Claimed"; data: { name: string } };

const claims = defineInlineProjection<Tables, Claimed>({
  name: "claims",
  eventTypes: ["Claimed"],
  async handle(events, { db }) {
    for (const { data } of events)
      await db.insertInto("claims").values({ name: data.name }).execute();
  },
});

const failing = defineInlineProjection({
  name: "failing",
  eventTypes: ["Explodes"],
  async handle() {
    throw new Error("boom");
  },
});

const plain = () => storeOn(pool(), { masterKey });
const projected = () => storeOn(pool(), { masterKey, inlineProjections: [claims, failing] });

beforeAll(async () => {
  await pool().query("CREATE TABLE claims (name text PRIMARY KEY)");
  await pool().query("INSERT INTO claims VALUES ('taken')");
});

let subjectCounter = 0;
const freshSubject = () => `subject-${process.pid}-${++subjectCounter}`;

const personal = (subjectId: string, type = "GuestRegistered", data: object = {}) => ({
  type,
  data: { ...data, email: `${subjectId}@example.org` },
  personal: { subjectId, fields: ["email"] },
});

async function subjectKeys(): Promise<unknown[]> {
  const { rows } = await pool().query(
    "SELECT subject_id, encode(wrapped_key, 'hex') AS wrapped FROM eventstore_subject_keys ORDER BY subject_id",
  );
  return rows;
}

/** Runs `refused`, expects it to fail with `expected`, and the key table to be unchanged. */
async function expectNoKeyLeft(refused: () => Promise<unknown>, expected: object) {
  // An existing subject's key, so the table is not trivially empty.
  await plain().append(freshStream(), [personal(freshSubject())]);
  const before = await subjectKeys();
  await expect(refused()).rejects.toMatchObject(expected);
  expect(await subjectKeys()).toEqual(before);
}

describe("a refused append with personal data of a new subject creates no key", () => {
  test("single stream: violated expected version (no inline projections)", async () => {
    const stream = freshStream();
    await plain().append(stream, [event("Opened")]);
    await expectNoKeyLeft(
      () => plain().append(stream, [personal(freshSubject())], { expectedVersion: "no_stream" }),
      { code: "CONCURRENCY_CONFLICT", actualVersion: 1 },
    );
    expect(await plain().streamVersion(stream)).toBe(1);
  });

  test("single stream: violated expected version (with inline projections)", async () => {
    const stream = freshStream();
    await projected().append(stream, [event("Opened")]);
    await expectNoKeyLeft(
      () => projected().append(stream, [personal(freshSubject())], { expectedVersion: 5 }),
      { code: "CONCURRENCY_CONFLICT", actualVersion: 1 },
    );
  });

  test("single stream: an inline projection throws", async () => {
    const stream = freshStream();
    await expectNoKeyLeft(
      () => projected().append(stream, [personal(freshSubject()), event("Explodes")]),
      { code: "INLINE_PROJECTION_FAILED", projection: "failing" },
    );
    expect(await plain().streamVersion(stream)).toBe(0);
  });

  test("single stream: a constraint violated in an inline projection", async () => {
    const stream = freshStream();
    await expectNoKeyLeft(
      () => projected().append(stream, [personal(freshSubject(), "Claimed", { name: "taken" })]),
      { code: "INLINE_PROJECTION_FAILED", sqlState: "23505", constraint: "claims_pkey" },
    );
    expect(await plain().streamVersion(stream)).toBe(0);
  });

  test("multi-stream: one stream's violated expected version", async () => {
    const [a, b] = [freshStream(), freshStream()];
    await plain().append(b, [event("Opened")]);
    await expectNoKeyLeft(
      () =>
        plain().appendToStreams([
          { streamId: a, events: [personal(freshSubject())] },
          {
            streamId: b,
            events: [personal(freshSubject())],
            options: { expectedVersion: "no_stream" },
          },
        ]),
      { code: "CONCURRENCY_CONFLICT", streamId: b },
    );
    expect(await plain().streamVersion(a)).toBe(0);
  });

  test("multi-stream: an inline projection throws", async () => {
    const [a, b] = [freshStream(), freshStream()];
    await expectNoKeyLeft(
      () =>
        projected().appendToStreams([
          { streamId: a, events: [personal(freshSubject())] },
          { streamId: b, events: [event("Explodes")] },
        ]),
      { code: "INLINE_PROJECTION_FAILED", projection: "failing" },
    );
    expect(await plain().streamVersion(a)).toBe(0);
  });

  test("multi-stream: a constraint violated in an inline projection", async () => {
    const [a, b] = [freshStream(), freshStream()];
    const subject = freshSubject();
    await expectNoKeyLeft(
      () =>
        projected().appendToStreams([
          { streamId: a, events: [personal(subject, "Claimed", { name: `${subject}-once` })] },
          { streamId: b, events: [personal(subject, "Claimed", { name: `${subject}-once` })] },
        ]),
      { code: "INLINE_PROJECTION_FAILED", sqlState: "23505", constraint: "claims_pkey" },
    );
    expect(await plain().streamVersion(a)).toBe(0);
  });
});

async function expectDecrypted(store: EventStore, stream: string, subject: string) {
  const events = await store.readStream(stream);
  expect(events.map((e) => e.data)).toEqual([{ email: `${subject}@example.org` }]);
}

test("concurrent first appends for one new subject both succeed with the key that won", async () => {
  for (let round = 0; round < 20; round++) {
    const subject = freshSubject();
    const [a, b, c] = [freshStream(), freshStream(), freshStream()];
    // One single-stream and one multi-stream append: both paths create keys the same way.
    await Promise.all([
      plain().append(a, [personal(subject)]),
      plain().appendToStreams([
        { streamId: b, events: [personal(subject)] },
        { streamId: c, events: [personal(subject)] },
      ]),
    ]);
    for (const stream of [a, b, c]) await expectDecrypted(plain(), stream, subject);
    const { rows } = await pool().query(
      "SELECT count(*)::int AS n FROM eventstore_subject_keys WHERE subject_id = $1",
      [subject],
    );
    expect(rows).toEqual([{ n: 1 }]);
  }
});

/**
 * A pool whose key loads all wait until `parties` of them have run: every append then
 * prepares without the key and generates its own, so all but one lose the race.
 */
function poolWithKeyLoadBarrier(target: pg.Pool, parties: number): pg.Pool {
  let arrived = 0;
  let release: () => void = () => {};
  const barrier = new Promise<void>((resolve) => {
    release = resolve;
  });
  const forward = target.query.bind(target) as (...args: unknown[]) => Promise<unknown>;
  const query = async (...args: unknown[]) => {
    const result = await forward(...args);
    if ((args[0] as { name?: string } | null)?.name === "eventstore_load_subject_keys") {
      arrived += 1;
      if (arrived === parties) release();
      await barrier;
    }
    return result;
  };
  return new Proxy(target, {
    get(object, property) {
      if (property === "query") return query;
      const value = Reflect.get(object, property, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

test("appends that lost the race for a new subject's key retry with the winning key", async () => {
  const subject = freshSubject();
  const store = storeOn(poolWithKeyLoadBarrier(pool(), 3), { masterKey });
  const streams = [freshStream(), freshStream(), freshStream(), freshStream()];
  const [first, second, ...others] = streams as [string, string, string, string];
  await Promise.all([
    store.append(first, [personal(subject)]),
    store.append(second, [personal(subject)], { expectedVersion: "no_stream" }),
    store.appendToStreams(others.map((streamId) => ({ streamId, events: [personal(subject)] }))),
  ]);
  for (const stream of streams) await expectDecrypted(plain(), stream, subject);
  const { rows } = await pool().query(
    "SELECT count(*)::int AS n FROM eventstore_subject_keys WHERE subject_id = $1",
    [subject],
  );
  expect(rows).toEqual([{ n: 1 }]);
});
