import { randomUUID } from "node:crypto";
import { countingPool } from "@booking/vitest-config/counting-pool";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import {
  AppendWriteError,
  ConcurrencyConflictError,
  InlineProjectionError,
  InvalidAppendError,
} from "./event-store-errors.ts";
import type { ExpectedVersion } from "./expected-version.ts";
import { type AnyInlineProjection, defineInlineProjection } from "./inline-projection.ts";
import { defineWrite, writeBuilder } from "./planned-write.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);

interface Tables {
  keys: { scope: string; key: string; stream_id: string; first_version: number };
  rooms: { stream_id: string; room: string; nights: string };
}

type Reserved = { type: "Reserved"; data: { room: string } };

const NIGHTS = "[2030-01-01,2030-01-03)";

/** Rooms under an exclusion constraint, planned or (without `plan`) in the transaction. */
const rooms = defineInlineProjection<Tables, Reserved>({
  name: "rooms",
  eventTypes: ["Reserved"],
  async handle(events, { client }) {
    for (const e of events) {
      await client.query("INSERT INTO rooms (stream_id, room, nights) VALUES ($1, $2, $3)", [
        e.streamId,
        e.data.room,
        NIGHTS,
      ]);
    }
  },
  plan: (events, { db }) =>
    events.map((e) =>
      db
        .insertInto("rooms")
        .columns(["stream_id", "room", "nights"])
        .expression(
          db
            .selectFrom("appended")
            .select(["stream_id", sql.val(e.data.room).as("room"), sql.val(NIGHTS).as("nights")]),
        ),
    ),
});
const roomsInTransaction: AnyInlineProjection = {
  name: rooms.name,
  eventTypes: rooms.eventTypes,
  handle: rooms.handle,
};

/** An idempotency record: what the api writes with a request's events. */
const keyWrite = defineWrite<Tables, { scope: string; key: string }>((db, value) =>
  db
    .insertInto("keys")
    .columns(["scope", "key", "stream_id", "first_version"])
    .expression(
      db
        .selectFrom("appended")
        .select([value("scope").as("scope"), value("key").as("key"), "stream_id", "first_version"]),
    ),
);
/** The same record as a query built per call. */
const db = writeBuilder<Tables>();
const keyQuery = (scope: string, key: string) =>
  db
    .insertInto("keys")
    .columns(["scope", "key", "stream_id", "first_version"])
    .expression(
      db
        .selectFrom("appended")
        .select([sql.val(scope).as("scope"), sql.val(key).as("key"), "stream_id", "first_version"]),
    );

beforeAll(async () => {
  await pool().query("CREATE EXTENSION IF NOT EXISTS btree_gist");
  await pool().query(`CREATE TABLE keys (scope text NOT NULL, key text NOT NULL,
    stream_id text NOT NULL, first_version bigint NOT NULL, PRIMARY KEY (scope, key))`);
  await pool().query(`CREATE TABLE rooms (stream_id text NOT NULL, room text NOT NULL,
    nights daterange NOT NULL,
    CONSTRAINT rooms_no_overlap EXCLUDE USING gist (room WITH =, nights WITH &&))`);
});

/**
 * The three ways an append is written, each with a room to reserve: `planned` composes the
 * record into the projection's statement, `transaction` runs it in the append's transaction
 * (the projection cannot plan), `alone` makes the plain statement a planned one (no
 * projection is about the events).
 */
const PATHS = {
  planned: { projections: [rooms], transactions: 0 },
  transaction: { projections: [roomsInTransaction], transactions: 1 },
  alone: { projections: [], transactions: 0 },
} as const;
type Path = keyof typeof PATHS;
const paths = Object.keys(PATHS) as Path[];

function storeFor(path: Path) {
  const { pool: counted, counts } = countingPool(pool());
  const store = storeOn(counted, { inlineProjections: [...PATHS[path].projections] });
  return { store, counts, transactions: PATHS[path].transactions };
}

let roomCounter = 0;
const freshRoom = () => `room-${++roomCounter}`;
const reserve = (room: string) => ({ type: "Reserved" as const, data: { room } });
const freshKey = () => ({ scope: `user:${randomUUID()}`, key: randomUUID() });

async function keyRows(scope: string) {
  const { rows } = await pool().query(
    "SELECT key, stream_id, first_version::int FROM keys WHERE scope = $1",
    [scope],
  );
  return rows;
}

async function roomRows(stream: string) {
  const { rows } = await pool().query("SELECT room FROM rooms WHERE stream_id = $1", [stream]);
  return rows;
}

describe.each(paths)("%s path", (path) => {
  test("the write commits with the events, in one round trip unless a projection runs", async () => {
    const { store, counts, transactions } = storeFor(path);
    const { scope, key } = freshKey();
    const stream = freshStream();
    await store.append(stream, [event("Other")], { expectedVersion: "no_stream" });
    const statements = counts.autocommit;
    const result = await store.append(stream, [reserve(freshRoom())], {
      expectedVersion: 1,
      alsoWrite: [keyWrite({ scope, key })],
    });
    expect(result.nextExpectedVersion).toBe(2);
    expect(await keyRows(scope)).toEqual([{ key, stream_id: stream, first_version: 2 }]);
    expect(counts.transactions).toBe(transactions);
    if (transactions === 0) expect(counts.autocommit - statements).toBe(1);
    expect(await roomRows(stream)).toHaveLength(path === "alone" ? 0 : 1);
  });

  test("a wrong expected version leaves no write", async () => {
    const { store } = storeFor(path);
    const { scope, key } = freshKey();
    const stream = freshStream();
    await store.append(stream, [event("Other")], { expectedVersion: "no_stream" });
    for (const expectedVersion of ["no_stream", 0, 2] as ExpectedVersion[]) {
      await expect(
        store.append(stream, [reserve(freshRoom())], {
          expectedVersion,
          alsoWrite: [keyWrite({ scope, key })],
        }),
      ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    }
    expect(await keyRows(scope)).toEqual([]);
    expect(await roomRows(stream)).toEqual([]);
  });

  test("a violated constraint in the write refuses the append: no event, no projected row", async () => {
    const { store } = storeFor(path);
    const { scope, key } = freshKey();
    await store.append(freshStream(), [event("Other")], { alsoWrite: [keyWrite({ scope, key })] });
    const stream = freshStream();
    const error = await store
      .append(stream, [reserve(freshRoom())], {
        expectedVersion: "no_stream",
        alsoWrite: [keyWrite({ scope, key })],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendWriteError);
    expect(error).toMatchObject({
      code: "APPEND_WRITE_FAILED",
      streamId: stream,
      sqlState: "23505",
      constraint: "keys_pkey",
      table: "keys",
    });
    expect(await store.streamVersion(stream)).toBe(0);
    expect(await roomRows(stream)).toEqual([]);
    expect(await keyRows(scope)).toHaveLength(1);
  });

  test("a retry of a committed append does not write again", async () => {
    const { store } = storeFor(path);
    const { scope, key } = freshKey();
    const stream = freshStream();
    const events = [{ ...reserve(freshRoom()), eventId: randomUUID() }];
    const options = {
      expectedVersion: "no_stream" as const,
      alsoWrite: [keyWrite({ scope, key })],
    };
    await store.append(stream, events, options);
    const retry = await store.append(stream, events, options);
    expect(retry.alreadyAppended).toBe(true);
    expect(await keyRows(scope)).toHaveLength(1);
  });

  test("any and stream_exists expectations", async () => {
    const { store } = storeFor(path);
    const { scope } = freshKey();
    const stream = freshStream();
    await store.append(stream, [event("Other")], { alsoWrite: [keyWrite({ scope, key: "a" })] });
    await store.append(stream, [event("Other")], {
      expectedVersion: "stream_exists",
      alsoWrite: [keyQuery(scope, "b")],
    });
    expect(await keyRows(scope)).toEqual([
      { key: "a", stream_id: stream, first_version: 1 },
      { key: "b", stream_id: stream, first_version: 2 },
    ]);
  });
});

describe.each(["planned", "transaction"] as const)("with a projection, %s", (path) => {
  test("a projection's violated constraint leaves no write", async () => {
    const { store } = storeFor(path);
    const room = freshRoom();
    await store.append(freshStream(), [reserve(room)], { expectedVersion: "no_stream" });
    const { scope, key } = freshKey();
    const stream = freshStream();
    const error = await store
      .append(stream, [reserve(room)], {
        expectedVersion: "no_stream",
        alsoWrite: [keyWrite({ scope, key })],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InlineProjectionError);
    expect(error).toMatchObject({ projection: "rooms", constraint: "rooms_no_overlap" });
    expect(await keyRows(scope)).toEqual([]);
    expect(await store.streamVersion(stream)).toBe(0);
  });

  test("when both fail, the caller's write is reported (it counts first)", async () => {
    const { store } = storeFor(path);
    const room = freshRoom();
    const { scope, key } = freshKey();
    await store.append(freshStream(), [reserve(room)], {
      expectedVersion: "no_stream",
      alsoWrite: [keyWrite({ scope, key })],
    });
    const stream = freshStream();
    await expect(
      store.append(stream, [reserve(room)], {
        expectedVersion: "no_stream",
        alsoWrite: [keyWrite({ scope, key })],
      }),
    ).rejects.toMatchObject({ code: "APPEND_WRITE_FAILED", constraint: "keys_pkey" });
    expect(await store.streamVersion(stream)).toBe(0);
  });
});

describe("appendToStreams", () => {
  test("each stream's writes read that stream's row; one failing write refuses every stream", async () => {
    const { store } = storeFor("planned");
    const { scope } = freshKey();
    const [a, b] = [freshStream(), freshStream()];
    await store.appendToStreams([
      {
        streamId: a,
        events: [reserve(freshRoom())],
        options: { alsoWrite: [keyWrite({ scope, key: "a" })] },
      },
      {
        streamId: b,
        events: [event("Other")],
        options: { alsoWrite: [keyWrite({ scope, key: "b" })] },
      },
    ]);
    expect(await keyRows(scope)).toEqual([
      { key: "a", stream_id: a, first_version: 1 },
      { key: "b", stream_id: b, first_version: 1 },
    ]);

    const [c, d] = [freshStream(), freshStream()];
    const error = await store
      .appendToStreams([
        {
          streamId: c,
          events: [reserve(freshRoom())],
          options: { alsoWrite: [keyWrite({ scope, key: "c" })] },
        },
        {
          streamId: d,
          events: [event("Other")],
          options: { alsoWrite: [keyWrite({ scope, key: "a" })] },
        },
      ])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "APPEND_WRITE_FAILED", streamId: d, table: "keys" });
    expect([await store.streamVersion(c), await store.streamVersion(d)]).toEqual([0, 0]);
    expect(await roomRows(c)).toEqual([]);
    expect((await keyRows(scope)).map((row) => row.key)).toEqual(["a", "b"]);
  });
});

test("a write that does not draw its rows from appended is refused before anything is written", async () => {
  const { store, counts } = storeFor("planned");
  const stream = freshStream();
  const unguarded = db.insertInto("keys").values({
    scope: "s",
    key: "k",
    stream_id: stream,
    first_version: 1,
  });
  await expect(
    store.append(stream, [reserve(freshRoom())], {
      expectedVersion: "no_stream",
      alsoWrite: [unguarded],
    }),
  ).rejects.toBeInstanceOf(InvalidAppendError);
  expect(counts).toEqual({ autocommit: 0, transactions: 0 });
});
