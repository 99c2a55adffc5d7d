import { useTestDatabase } from "@booking/vitest-config/test-database";
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { InlineProjectionError } from "./event-store-errors.ts";
import { defineInlineProjection } from "./inline-projection.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);

interface Tables {
  reservations: { stream_id: string; room: string; nights: string };
}
type Reserved = { type: "Reserved"; data: { room: string; from: string; to: string } };

const reservations = defineInlineProjection<Tables, Reserved>({
  name: "reservations",
  eventTypes: ["Reserved"],
  async handle(events, { db }) {
    for (const { streamId, data } of events) {
      await db
        .insertInto("reservations")
        .values({ stream_id: streamId, room: data.room, nights: `[${data.from},${data.to})` })
        .execute();
    }
  },
});

const failing = defineInlineProjection({
  name: "failing",
  eventTypes: ["Explodes"],
  async handle() {
    throw new Error("boom");
  },
});

const store = () => storeOn(pool(), { inlineProjections: [reservations, failing] });

beforeAll(async () => {
  await pool().query("CREATE EXTENSION IF NOT EXISTS btree_gist");
  await pool().query(`CREATE TABLE reservations (
    stream_id text NOT NULL, room text NOT NULL, nights daterange NOT NULL,
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room WITH =, nights WITH &&))`);
});

const reserve = (room: string, from: string, to: string) => ({
  type: "Reserved" as const,
  data: { room, from, to },
});

test("a projection writes through Kysely in the append's transaction", async () => {
  const stream = freshStream();
  await store().append(stream, [reserve("r1", "2030-01-01", "2030-01-03"), event("Noted")]);
  const { rows } = await pool().query("SELECT stream_id FROM reservations WHERE room = 'r1'");
  expect(rows).toEqual([{ stream_id: stream }]);
});

test("an exclusion violation rolls the append back and exposes SQLSTATE and constraint", async () => {
  await store().append(freshStream(), [reserve("r2", "2030-01-01", "2030-01-05")]);
  const stream = freshStream();
  const error = await store()
    .append(stream, [event("Requested"), reserve("r2", "2030-01-04", "2030-01-06")])
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InlineProjectionError);
  expect(error).toMatchObject({
    code: "INLINE_PROJECTION_FAILED",
    projection: "reservations",
    sqlState: "23P01",
    constraint: "reservations_no_overlap",
  });
  expect(await store().streamVersion(stream)).toBe(0);
  expect(await store().readStream(stream)).toEqual([]);
});

test("a projection that throws rolls back every write of the append", async () => {
  const stream = freshStream();
  const error = await store()
    .append(stream, [reserve("r3", "2030-02-01", "2030-02-02"), event("Explodes")])
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ code: "INLINE_PROJECTION_FAILED", projection: "failing" });
  expect((error as InlineProjectionError).sqlState).toBeUndefined();
  const { rows } = await pool().query("SELECT 1 FROM reservations WHERE room = 'r3'");
  expect(rows).toEqual([]);
  expect(await store().streamVersion(stream)).toBe(0);
});

test("a projection cannot commit the append early through Kysely", async () => {
  const sneaky = defineInlineProjection({
    name: "sneaky",
    async handle(_events, { db }) {
      await db.transaction().execute(async (trx) => sql`SELECT 1`.execute(trx));
    },
  });
  const stream = freshStream();
  await expect(
    storeOn(pool(), { inlineProjections: [sneaky] }).append(stream, [event("A")]),
  ).rejects.toMatchObject({ projection: "sneaky" });
  expect(await store().streamVersion(stream)).toBe(0);
});

test("the pool stays healthy after failed appends", async () => {
  for (let i = 0; i < 15; i++) {
    await store()
      .append(freshStream(), [event("Explodes")])
      .catch(() => {});
  }
  const result = await store().append(freshStream(), [event("Fine")]);
  expect(result.nextExpectedVersion).toBe(1);
});

describe("multi-stream appends", () => {
  test("projections see every stream's events, in the order given, in one transaction", async () => {
    const seen: string[] = [];
    const recorder = defineInlineProjection({
      name: "recorder",
      async handle(events) {
        seen.push(...events.map((e) => `${e.streamId}:${e.type}`));
      },
    });
    const [b, a] = [freshStream("b"), freshStream("a")];
    await storeOn(pool(), { inlineProjections: [reservations, recorder] }).appendToStreams([
      { streamId: b, events: [reserve("r4", "2030-03-01", "2030-03-02")] },
      { streamId: a, events: [event("Noted"), reserve("r5", "2030-03-01", "2030-03-02")] },
    ]);
    expect(seen).toEqual([`${b}:Reserved`, `${a}:Noted`, `${a}:Reserved`]);
    const { rows } = await pool().query(
      "SELECT stream_id FROM reservations WHERE room IN ('r4', 'r5') ORDER BY room",
    );
    expect(rows).toEqual([{ stream_id: b }, { stream_id: a }]);
  });

  test("a projection failure on one stream rolls back every stream and projection write", async () => {
    const [a, b] = [freshStream(), freshStream()];
    const error = await store()
      .appendToStreams([
        { streamId: a, events: [reserve("r6", "2030-04-01", "2030-04-02")] },
        { streamId: b, events: [event("Explodes")] },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InlineProjectionError);
    expect(error).toMatchObject({ projection: "failing" });
    expect(await store().streamVersion(a)).toBe(0);
    expect(await store().streamVersion(b)).toBe(0);
    const { rows } = await pool().query("SELECT 1 FROM reservations WHERE room = 'r6'");
    expect(rows).toEqual([]);
  });

  test("a constraint violated between two streams of one append is typed and rolls back", async () => {
    const [a, b] = [freshStream(), freshStream()];
    await expect(
      store().appendToStreams([
        { streamId: a, events: [reserve("r7", "2030-05-01", "2030-05-03")] },
        { streamId: b, events: [reserve("r7", "2030-05-02", "2030-05-04")] },
      ]),
    ).rejects.toMatchObject({ sqlState: "23P01", constraint: "reservations_no_overlap" });
    expect(await store().streamVersion(a)).toBe(0);
    expect(await store().streamVersion(b)).toBe(0);
  });
});

test("a deadlock between two appends' projections is retried (and reported), and both commit", async () => {
  // Each projection takes one lock, waits until the other holds its own, then wants the
  // other's: a certain deadlock on the first attempt. PostgreSQL aborts one (40P01); its
  // retry then waits for the survivor and goes through.
  const keys = [Math.floor(Math.random() * 1e9), Math.floor(Math.random() * 1e9)];
  let holding = 0;
  let bothHold: () => void = () => {};
  const bothHolding = new Promise<void>((resolve) => {
    bothHold = resolve;
  });
  const attempts: string[] = [];
  const crossing = defineInlineProjection<unknown, { type: "Cross"; data: { first: number } }>({
    name: "crossing",
    eventTypes: ["Cross"],
    async handle([cross], { client }) {
      const first = keys[cross?.data.first ?? 0];
      const second = keys[1 - (cross?.data.first ?? 0)];
      attempts.push(`${cross?.streamId}`);
      await client.query("SELECT pg_advisory_xact_lock(42, $1)", [first]);
      if (holding < 2) {
        holding += 1;
        if (holding === 2) bothHold();
        await bothHolding;
      }
      await client.query("SELECT pg_advisory_xact_lock(42, $1)", [second]);
    },
  });
  const retried: string[] = [];
  const crossingStore = storeOn(pool(), {
    inlineProjections: [crossing],
    onTransientRetry: (sqlState) => retried.push(sqlState),
  });
  const [a, b] = [freshStream("a"), freshStream("b")];
  await Promise.all([
    crossingStore.append(a, [{ type: "Cross", data: { first: 0 } }]),
    crossingStore.append(b, [{ type: "Cross", data: { first: 1 } }]),
  ]);
  expect(attempts).toHaveLength(3);
  expect(retried).toEqual(["40P01"]);
  expect(await store().streamVersion(a)).toBe(1);
  expect(await store().streamVersion(b)).toBe(1);
});
