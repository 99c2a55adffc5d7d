import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { describe, expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import {
  ConcurrencyConflictError,
  IdempotencyConflictError,
  InvalidAppendError,
} from "./event-store-errors.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);
const store = () => storeOn(pool());

describe("expected version", () => {
  test("no_stream creates a stream and refuses an existing one", async () => {
    const stream = freshStream();
    const result = await store().append(stream, [event("A"), event("B")], {
      expectedVersion: "no_stream",
    });
    expect(result.nextExpectedVersion).toBe(2);
    const error = await store()
      .append(stream, [event("C")], { expectedVersion: "no_stream" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect(error).toMatchObject({
      code: "CONCURRENCY_CONFLICT",
      expectedVersion: "no_stream",
      actualVersion: 2,
    });
  });

  test("stream_exists refuses a missing stream and accepts an existing one", async () => {
    const stream = freshStream();
    await expect(
      store().append(stream, [event("A")], { expectedVersion: "stream_exists" }),
    ).rejects.toMatchObject({ code: "CONCURRENCY_CONFLICT", actualVersion: 0 });
    expect(await store().streamVersion(stream)).toBe(0);
    await store().append(stream, [event("A")]);
    const result = await store().append(stream, [event("B")], { expectedVersion: "stream_exists" });
    expect(result.nextExpectedVersion).toBe(2);
  });

  test("an exact version must match; 0 means the stream must not exist", async () => {
    const stream = freshStream();
    await store().append(stream, [event("A")], { expectedVersion: 0 });
    await expect(
      store().append(stream, [event("B")], { expectedVersion: 0 }),
    ).rejects.toMatchObject({ expectedVersion: 0, actualVersion: 1 });
    await expect(
      store().append(stream, [event("B")], { expectedVersion: 2 }),
    ).rejects.toMatchObject({ expectedVersion: 2, actualVersion: 1 });
    const result = await store().append(stream, [event("B")], { expectedVersion: 1 });
    expect(result.nextExpectedVersion).toBe(2);
  });

  test("any appends whatever the version", async () => {
    const stream = freshStream();
    await store().append(stream, [event("A")], { expectedVersion: "any" });
    const result = await store().append(stream, [event("B"), event("C")]);
    expect(result.events.map((e) => e.streamVersion)).toEqual([2, 3]);
  });
});

test("50 concurrent writers with the same expected version: exactly one wins", async () => {
  const stream = freshStream();
  await store().append(stream, [event("Created")]);
  const attempts = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) =>
      store().append(stream, [event("Changed", { i })], { expectedVersion: 1 }),
    ),
  );
  const won = attempts.filter((a) => a.status === "fulfilled");
  const lost = attempts.flatMap((a) => (a.status === "rejected" ? [a.reason] : []));
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(49);
  for (const error of lost) {
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
  }
  const events = await store().readStream(stream);
  expect(events.map((e) => e.streamVersion)).toEqual([1, 2]);
});

test("concurrent 'any' writers leave a stream without gaps", async () => {
  const stream = freshStream();
  await Promise.all(
    Array.from({ length: 30 }, (_, i) => store().append(stream, [event("X", { i }), event("Y")])),
  );
  const versions = (await store().readStream(stream)).map((e) => e.streamVersion);
  expect(versions).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
});

describe("idempotent appends by event id", () => {
  test("retrying a committed append returns the original events, without duplicates", async () => {
    const stream = freshStream();
    const batch = [
      { ...event("A"), eventId: randomUUID() },
      { ...event("B"), eventId: randomUUID() },
    ];
    const first = await store().append(stream, batch, { expectedVersion: "no_stream" });
    for (const expectedVersion of ["no_stream", "any", 0, "stream_exists"] as const) {
      const retry = await store().append(stream, batch, { expectedVersion });
      expect(retry.alreadyAppended).toBe(true);
      expect(retry.nextExpectedVersion).toBe(2);
      expect(retry.events.map((e) => e.globalPosition)).toEqual(
        first.events.map((e) => e.globalPosition),
      );
    }
    expect(await store().readStream(stream)).toHaveLength(2);
  });

  test("a retry that only partly overlaps is an error", async () => {
    const stream = freshStream();
    const a = { ...event("A"), eventId: randomUUID() };
    await store().append(stream, [a]);
    const error = await store()
      .append(stream, [a, { ...event("B"), eventId: randomUUID() }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ code: "IDEMPOTENCY_CONFLICT", eventIds: [a.eventId] });
    expect(await store().readStream(stream)).toHaveLength(1);
  });

  test("reusing an event id in another stream is an error", async () => {
    const a = { ...event("A"), eventId: randomUUID() };
    await store().append(freshStream(), [a]);
    await expect(store().append(freshStream(), [a])).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
  });
});

test("metadata is stored on every event and queryable by correlation id", async () => {
  const stream = freshStream();
  const correlationId = randomUUID();
  const eventId = randomUUID();
  await store().append(
    stream,
    [
      { ...event("A", { n: 1 }), eventId, schemaVersion: 3 },
      { ...event("B"), metadata: { causationId: eventId, actor: { kind: "system" } } },
    ],
    { metadata: { correlationId, causationId: "command-1", actor: { userId: "u1" } } },
  );
  await store().append(freshStream(), [event("Other")], { metadata: { correlationId } });
  const [a, b] = await store().readStream(stream);
  expect(a).toMatchObject({
    eventId,
    type: "A",
    data: { n: 1 },
    schemaVersion: 3,
    streamId: stream,
    streamVersion: 1,
    correlationId,
    causationId: "command-1",
    actor: { userId: "u1" },
  });
  expect(a?.recordedAt).toBeInstanceOf(Date);
  expect(b).toMatchObject({ causationId: eventId, actor: { kind: "system" }, correlationId });
  const correlated = await store().readByCorrelationId(correlationId);
  expect(correlated.map((e) => e.type)).toEqual(["A", "B", "Other"]);
});

test("invalid appends are refused before touching the database", async () => {
  await expect(store().append(freshStream(), [])).rejects.toBeInstanceOf(InvalidAppendError);
  await expect(
    store().append(freshStream(), [{ ...event("A"), eventId: "nope" }]),
  ).rejects.toMatchObject({ code: "INVALID_APPEND" });
  await expect(store().append("", [event("A")])).rejects.toMatchObject({ code: "INVALID_APPEND" });
});

test("upcasters apply on read; the stored event is unchanged", async () => {
  const stream = freshStream();
  await store().append(stream, [{ ...event("Renamed", { name: "x" }), schemaVersion: 1 }]);
  const upcasting = storeOn(pool(), {
    upcasters: [
      { type: "Renamed", fromSchemaVersion: 1, upcast: (d) => ({ ...(d as object), v2: true }) },
    ],
  });
  const [read] = await upcasting.readStream(stream);
  expect(read).toMatchObject({ schemaVersion: 2, data: { name: "x", v2: true } });
  const [raw] = await store().readStream(stream);
  expect(raw).toMatchObject({ schemaVersion: 1, data: { name: "x" } });
});
