import { randomBytes, randomUUID } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { describe, expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import {
  ConcurrencyConflictError,
  IdempotencyConflictError,
  InvalidAppendError,
} from "./event-store-errors.ts";
import type { ExpectedVersion } from "./expected-version.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const masterKey = randomBytes(32);
const store = () => storeOn(pool(), { masterKey });
const withId = (type: string) => ({ ...event(type), eventId: randomUUID() });

test("appends to every stream in one transaction, in the order given", async () => {
  const [a, b] = [freshStream("user"), freshStream("user")];
  await store().append(a, [event("Registered")]);
  const correlationId = randomUUID();
  const { streams, alreadyAppended } = await store().appendToStreams(
    [
      { streamId: a, events: [event("Demoted")], options: { expectedVersion: 1 } },
      {
        streamId: b,
        events: [event("Registered"), event("Promoted")],
        options: { expectedVersion: "no_stream", metadata: { actor: { userId: "u1" } } },
      },
    ],
    { metadata: { correlationId } },
  );
  expect(alreadyAppended).toBe(false);
  expect(streams.map((s) => [s.streamId, s.nextExpectedVersion])).toEqual([
    [a, 2],
    [b, 2],
  ]);
  const all = streams.flatMap((s) => s.events);
  expect(new Set(all.map((e) => e.transactionId)).size).toBe(1);
  const positions = all.map((e) => e.globalPosition);
  expect(positions).toEqual([...positions].sort((x, y) => x - y));
  const correlated = await store().readByCorrelationId(correlationId);
  expect(correlated.map((e) => [e.streamId, e.type, e.actor])).toEqual([
    [a, "Demoted", null],
    [b, "Registered", { userId: "u1" }],
    [b, "Promoted", { userId: "u1" }],
  ]);
});

describe("all or nothing when one stream's expectation fails", () => {
  const cases: [string, ExpectedVersion, (stream: string) => Promise<unknown>, number][] = [
    ["an exact version", 3, (s) => store().append(s, [event("A")]), 1],
    ["0", 0, (s) => store().append(s, [event("A")]), 1],
    ["no_stream", "no_stream", (s) => store().append(s, [event("A"), event("B")]), 2],
    ["stream_exists", "stream_exists", async () => {}, 0],
  ];
  test.each(cases)("%s", async (_name, expectedVersion, given, actualVersion) => {
    const [ok, failing, alsoOk] = [freshStream(), freshStream(), freshStream()];
    await store().append(ok, [event("Existing")]);
    await given(failing);
    const error = await store()
      .appendToStreams([
        { streamId: ok, events: [event("X")], options: { expectedVersion: 1 } },
        { streamId: failing, events: [event("Y")], options: { expectedVersion } },
        { streamId: alsoOk, events: [event("Z")], options: { expectedVersion: "no_stream" } },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect(error).toMatchObject({ streamId: failing, expectedVersion, actualVersion });
    expect(await store().streamVersion(ok)).toBe(1);
    expect(await store().streamVersion(failing)).toBe(actualVersion);
    expect(await store().streamVersion(alsoOk)).toBe(0);
  });
});

describe("idempotent retries by event id", () => {
  test("a retry of a committed multi-stream append reports it, without duplicates", async () => {
    const appends = [
      { streamId: freshStream(), events: [withId("A"), withId("B")] },
      { streamId: freshStream(), events: [withId("C")] },
    ].map((a) => ({ ...a, options: { expectedVersion: "no_stream" as const } }));
    const first = await store().appendToStreams(appends);
    const retry = await store().appendToStreams(appends);
    expect(retry.alreadyAppended).toBe(true);
    expect(retry.streams.map((s) => s.alreadyAppended)).toEqual([true, true]);
    expect(retry.streams.map((s) => s.events.map((e) => e.globalPosition))).toEqual(
      first.streams.map((s) => s.events.map((e) => e.globalPosition)),
    );
    for (const { streamId, events } of appends) {
      expect(await store().readStream(streamId)).toHaveLength(events.length);
    }
  });

  test("a retry whose other stream was never written is an error and writes nothing", async () => {
    const [a, b] = [freshStream(), freshStream()];
    const committed = [withId("A")];
    await store().append(a, committed);
    const error = await store()
      .appendToStreams([
        { streamId: b, events: [withId("B")] },
        { streamId: a, events: committed },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(await store().streamVersion(b)).toBe(0);
    expect(await store().streamVersion(a)).toBe(1);
  });
});

test("personal fields are encrypted in every stream", async () => {
  const [a, b] = [freshStream(), freshStream()];
  const email = "grace.hopper@example.org";
  const personal = (type: string) => ({
    type,
    data: { email },
    personal: { subjectId: "subject-grace", fields: ["email"] },
  });
  await store().appendToStreams([
    { streamId: a, events: [personal("A")] },
    { streamId: b, events: [personal("B")] },
  ]);
  const { rows } = await pool().query("SELECT data FROM eventstore_events");
  expect(JSON.stringify(rows)).not.toContain(email);
  expect((await store().readStream(b))[0]?.data).toEqual({ email });
});

test("invalid multi-stream appends are refused before touching the database", async () => {
  const stream = freshStream();
  const twice = withId("A");
  for (const appends of [
    [],
    [
      { streamId: stream, events: [event("A")] },
      { streamId: stream, events: [event("B")] },
    ],
    [
      { streamId: stream, events: [twice] },
      { streamId: freshStream(), events: [twice] },
    ],
    [{ streamId: freshStream(), events: [] }],
  ]) {
    await expect(store().appendToStreams(appends)).rejects.toBeInstanceOf(InvalidAppendError);
  }
  expect(await store().streamVersion(stream)).toBe(0);
});
