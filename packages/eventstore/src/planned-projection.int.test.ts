import { randomBytes, randomUUID } from "node:crypto";
import { countingPool } from "@booking/vitest-config/counting-pool";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { sql } from "kysely";
import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import {
  ConcurrencyConflictError,
  IdempotencyConflictError,
  InlineProjectionError,
} from "./event-store-errors.ts";
import type { ExpectedVersion } from "./expected-version.ts";
import {
  type AnyInlineProjection,
  defineInlineProjection,
  type InlineProjection,
} from "./inline-projection.ts";
import { defineWrite, type PlannedWrite, type WriteBuilder } from "./planned-write.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);

type Reserved = { type: "Reserved"; data: { room: string; from: string; to: string } };
type Noted = { type: "Noted"; data: { note: string } };

interface TestTables {
  rooms: {
    stream_id: string;
    stream_version: number;
    event_id: string;
    correlation_id: string | null;
    room: string;
    nights: string;
  };
  notes: { stream_id: string; note: string };
  note_counts: { stream_id: string; n: number };
}

/**
 * Reservations under an exclusion constraint, written the long way (`handle`) or planned.
 * Both write the same row per event, including what the projection was told about it.
 */
const ROOM_INSERT = `INSERT INTO rooms (stream_id, stream_version, event_id, correlation_id, room, nights)
  VALUES ($1, $2, $3, $4, $5, daterange($6, $7))`;
const rooms = defineInlineProjection<TestTables, Reserved>({
  name: "rooms",
  eventTypes: ["Reserved"],
  async handle(events, { client }) {
    for (const e of events) {
      const { room, from, to } = e.data;
      await client.query(ROOM_INSERT, [
        e.streamId,
        e.streamVersion,
        e.eventId,
        e.correlationId,
        room,
        from,
        to,
      ]);
    }
  },
  plan: (events, { db }) =>
    events.map((e) => {
      const { room, from, to } = e.data;
      return db
        .insertInto("rooms")
        .columns(["stream_id", "stream_version", "event_id", "correlation_id", "room", "nights"])
        .expression(
          db
            .selectFrom("appended")
            .select([
              sql.val(e.streamId).as("stream_id"),
              sql.val(e.streamVersion).as("stream_version"),
              sql.val(e.eventId).as("event_id"),
              sql.val(e.correlationId).as("correlation_id"),
              sql.val(room).as("room"),
              sql<string>`daterange(${from}, ${to})`.as("nights"),
            ]),
        );
    }),
});

/**
 * Notes under a unique constraint: one statement per batch, upserting a counter row too.
 * Planned with writes defined once (rooms builds its queries per call).
 */
const insertNotes = defineWrite<TestTables, { notes: string[] }>((db, value) =>
  db
    .insertInto("notes")
    .columns(["stream_id", "note"])
    .expression(
      db
        .selectFrom([
          "appended as a",
          sql<{ note: string }>`unnest(${value("notes")}::text[])`.as("note"),
        ])
        .select(["a.stream_id", "note.note"]),
    ),
);
const countNotes = defineWrite<TestTables, { n: number }>((db, value) =>
  db
    .insertInto("note_counts")
    .columns(["stream_id", "n"])
    .expression(db.selectFrom("appended").select(["stream_id", value("n").as("n")]))
    .onConflict((conflict) =>
      conflict
        .column("stream_id")
        .doUpdateSet((eb) => ({ n: eb("note_counts.n", "+", value("n")) })),
    ),
);

const notes = defineInlineProjection<TestTables, Noted>({
  name: "notes",
  eventTypes: ["Noted"],
  async handle(events, { client }) {
    for (const e of events) {
      await client.query("INSERT INTO notes (stream_id, note) VALUES ($1, $2)", [
        e.streamId,
        e.data.note,
      ]);
    }
    await client.query(
      `INSERT INTO note_counts (stream_id, n) VALUES ($1, $2)
       ON CONFLICT (stream_id) DO UPDATE SET n = note_counts.n + $2`,
      [events[0]?.streamId, events.length],
    );
  },
  plan: (events) => [
    insertNotes({ notes: events.map((e) => e.data.note) }),
    countNotes({ n: events.length }),
  ],
});

/** The same projections without `plan`: every append takes the transaction path. */
const handleOnly = (projection: AnyInlineProjection): AnyInlineProjection => ({
  name: projection.name,
  eventTypes: projection.eventTypes,
  handle: projection.handle,
});

function storeWith(projections: AnyInlineProjection[], masterKey?: Buffer) {
  const { pool: counted, counts } = countingPool(pool());
  return { store: storeOn(counted, { inlineProjections: projections, masterKey }), counts };
}

const planned = () => storeWith([rooms, notes]);
const transactional = () => storeWith([handleOnly(rooms), handleOnly(notes)]);

beforeAll(async () => {
  await pool().query("CREATE EXTENSION IF NOT EXISTS btree_gist");
  await pool().query(`CREATE TABLE rooms (
    stream_id text NOT NULL, stream_version int NOT NULL, event_id uuid NOT NULL,
    correlation_id text, room text NOT NULL, nights daterange NOT NULL,
    CONSTRAINT rooms_no_overlap EXCLUDE USING gist (room WITH =, nights WITH &&))`);
  await pool().query(`CREATE TABLE notes (stream_id text NOT NULL, note text NOT NULL,
    CONSTRAINT notes_note_key UNIQUE (note))`);
  await pool().query("CREATE TABLE note_counts (stream_id text PRIMARY KEY, n int NOT NULL)");
});

let roomCounter = 0;
const freshRoom = () => `room-${++roomCounter}`;
const reserve = (room: string, from = "2030-01-01", to = "2030-01-03") => ({
  type: "Reserved" as const,
  data: { room, from, to },
});
const note = (text: string) => ({ type: "Noted" as const, data: { note: text } });
const uniqueNote = () => `note-${randomUUID()}`;

async function projected(stream: string) {
  const [roomRows, noteRows, countRows] = await Promise.all([
    pool().query(
      `SELECT stream_version, event_id, correlation_id, room, nights::text FROM rooms
       WHERE stream_id = $1 ORDER BY stream_version`,
      [stream],
    ),
    pool().query("SELECT note FROM notes WHERE stream_id = $1 ORDER BY note", [stream]),
    pool().query("SELECT n FROM note_counts WHERE stream_id = $1", [stream]),
  ]);
  return { rooms: roomRows.rows, notes: noteRows.rows, counts: countRows.rows };
}

/**
 * What an append reports, minus what differs between any two appends (log position, time,
 * event ids), with the stream's and rooms' names (fresh per run) replaced by placeholders.
 */
function comparable<T>(value: T, names: Record<string, string>): T {
  let json = JSON.stringify(value, (key, v) =>
    ["globalPosition", "transactionId", "recordedAt", "eventId"].includes(key) ? undefined : v,
  );
  for (const [name, placeholder] of Object.entries(names))
    json = json.replaceAll(name, placeholder);
  return JSON.parse(json);
}

describe("one statement", () => {
  test.each<[string, ExpectedVersion, ExpectedVersion]>([
    ["no_stream", "no_stream", 2],
    ["0, then an exact version", 0, 2],
  ])("gives what the transaction path gives (%s)", async (_, first, second) => {
    const results = [];
    for (const { store, counts } of [planned(), transactional()]) {
      const stream = freshStream();
      const [roomA, roomB] = [freshRoom(), freshRoom()];
      const metadata = { correlationId: "c-1", causationId: "cause", actor: { userId: "u" } };
      const one = await store.append(stream, [reserve(roomA), note(`${stream}-a`)], {
        expectedVersion: first,
        metadata,
      });
      const two = await store.append(
        stream,
        [note(`${stream}-b`), reserve(roomB, "2030-02-01", "2030-02-04"), event("Other")],
        { expectedVersion: second, metadata },
      );
      const read = await store.readStream(stream);
      const rows = await projected(stream);
      const names = { [stream]: "<stream>", [roomA]: "<roomA>", [roomB]: "<roomB>" };
      results.push({
        counts: { ...counts },
        outcome: comparable(
          {
            appended: [...one.events, ...two.events],
            read,
            versions: [one.nextExpectedVersion, two.nextExpectedVersion],
            alreadyAppended: [one.alreadyAppended, two.alreadyAppended],
            // Each row names the event it was projected from, as told to handle or plan.
            rooms: rows.rooms.map((row) => ({
              ...row,
              event_id: row.event_id === read[row.stream_version - 1]?.eventId,
            })),
            notes: rows.notes,
            noteCount: rows.counts,
          },
          names,
        ),
      });
    }
    const [viaPlan, viaTransaction] = results;
    // One round trip per append, against BEGIN … COMMIT on a client of its own.
    expect(viaPlan?.counts).toEqual({ autocommit: 2 + 1, transactions: 0 });
    expect(viaTransaction?.counts).toEqual({ autocommit: 1, transactions: 2 });
    expect(viaPlan?.outcome).toEqual(viaTransaction?.outcome);
    expect(viaPlan?.outcome.rooms).toMatchObject([
      { stream_version: 1, event_id: true, correlation_id: "c-1", room: "<roomA>" },
      { stream_version: 4, event_id: true, correlation_id: "c-1", room: "<roomB>" },
    ]);
    expect(viaPlan?.outcome.noteCount).toEqual([{ n: 2 }]);
  });

  test("an append no projection is about is the plain statement, whatever its expectation", async () => {
    const { store, counts } = planned();
    const stream = freshStream();
    await store.append(stream, [event("Other")], { expectedVersion: "any" });
    await store.append(stream, [event("Other")], { expectedVersion: "stream_exists" });
    expect(counts).toEqual({ autocommit: 2, transactions: 0 });
  });

  test("the NOTIFY trigger wakes listeners on commit, as for every append", async () => {
    const listener = new pg.Client({ connectionString: database().url });
    await listener.connect();
    try {
      await listener.query("LISTEN eventstore_appended");
      const woken = new Promise((resolve) => listener.once("notification", resolve));
      const { store, counts } = planned();
      await store.append(freshStream(), [note(uniqueNote())], { expectedVersion: "no_stream" });
      expect(counts.transactions).toBe(0);
      await expect(woken).resolves.toMatchObject({ channel: "eventstore_appended" });
    } finally {
      await listener.end();
    }
  });
});

describe("failures read as on the transaction path", () => {
  test("an exclusion violation is the projection's error and writes nothing", async () => {
    // Only one projection writes for it: its error is reported from the statement itself.
    const { store, counts } = planned();
    const room = freshRoom();
    await store.append(freshStream(), [reserve(room, "2030-03-01", "2030-03-05")], {
      expectedVersion: "no_stream",
    });
    const stream = freshStream();
    const error = await store
      .append(stream, [event("Other"), reserve(room, "2030-03-04", "2030-03-06")], {
        expectedVersion: "no_stream",
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InlineProjectionError);
    expect(error).toMatchObject({
      code: "INLINE_PROJECTION_FAILED",
      projection: "rooms",
      sqlState: "23P01",
      constraint: "rooms_no_overlap",
    });
    expect(counts.transactions).toBe(0);
    expect(await store.streamVersion(stream)).toBe(0);
    expect(await projected(stream)).toEqual({ rooms: [], notes: [], counts: [] });
  });

  test("a refused statement gives its connection back to the pool instead of closing it", async () => {
    // pg's pool.query would close the connection after any error: a crowd of refused
    // bookings would each cost a new server process.
    const single = new pg.Pool({ connectionString: database().url, max: 1 });
    try {
      const store = storeOn(single, { inlineProjections: [rooms, notes] });
      const backend = async () =>
        (await single.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
      const room = freshRoom();
      await store.append(freshStream(), [reserve(room)], { expectedVersion: "no_stream" });
      const before = await backend();
      const refused = await store
        .append(freshStream(), [reserve(room)], { expectedVersion: "no_stream" })
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ sqlState: "23P01" });
      expect(await backend()).toBe(before);
    } finally {
      await single.end();
    }
  });

  test("with two projections writing, the failing one is named (retried the long way)", async () => {
    const { store } = planned();
    const taken = uniqueNote();
    const room = freshRoom();
    await store.append(freshStream(), [note(taken), reserve(room)], {
      expectedVersion: "no_stream",
    });
    for (const [events, projection, constraint] of [
      [[note(uniqueNote()), reserve(room)], "rooms", "rooms_no_overlap"],
      [[note(taken), reserve(freshRoom())], "notes", "notes_note_key"],
    ] as const) {
      const stream = freshStream();
      await expect(
        store.append(stream, [...events], { expectedVersion: "no_stream" }),
      ).rejects.toMatchObject({ projection, constraint });
      expect(await store.streamVersion(stream)).toBe(0);
      expect(await projected(stream)).toEqual({ rooms: [], notes: [], counts: [] });
    }
  });

  test("a plan that throws is the projection's error; nothing is appended", async () => {
    const throwing = defineInlineProjection({
      name: "throwing",
      async handle() {},
      plan() {
        throw new Error("cannot plan");
      },
    });
    const { store } = storeWith([throwing]);
    const stream = freshStream();
    await expect(
      store.append(stream, [event("A")], { expectedVersion: "no_stream" }),
    ).rejects.toMatchObject({ code: "INLINE_PROJECTION_FAILED", projection: "throwing" });
    expect(await store.streamVersion(stream)).toBe(0);
  });
});

/**
 * Writes a row whatever `appended` holds: a LEFT JOIN from a one-row table mentions
 * `appended` but does not depend on it. It would record refused appends too, were the
 * refusal not an error that undoes the whole statement.
 */
const sloppy = defineInlineProjection<TestTables, Noted>({
  name: "sloppy",
  eventTypes: ["Noted"],
  async handle() {},
  plan: (events, { db }) => [
    db
      .insertInto("notes")
      .columns(["stream_id", "note"])
      .expression(
        db
          .selectFrom(sql<{ one: number }>`(SELECT 1 AS one)`.as("one"))
          .leftJoin("appended", (join) => join.onTrue())
          .select([
            sql.val(events[0]?.streamId).as("stream_id"),
            sql.val(`${events[0]?.data.note}-sloppy`).as("note"),
          ]),
      ),
  ],
});

describe("a refused append writes nothing", () => {
  test.each<[string, ExpectedVersion]>([
    ["no_stream on an existing stream", "no_stream"],
    ["0 on an existing stream", 0],
    ["an exact version behind", 1],
    ["an exact version ahead", 5],
  ])("%s: a conflict, and no projected row", async (_, expectedVersion) => {
    for (const { store, counts } of [planned(), storeWith([rooms, notes, sloppy])]) {
      const stream = freshStream();
      await store.append(stream, [note(uniqueNote()), note(uniqueNote())]);
      const before = await projected(stream);
      const refusedNote = uniqueNote();
      const transactions = counts.transactions;
      const error = await store
        .append(stream, [note(refusedNote), reserve(freshRoom())], { expectedVersion })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyConflictError);
      expect(error).toMatchObject({ expectedVersion, actualVersion: 2 });
      expect(counts.transactions).toBe(transactions);
      expect(await projected(stream)).toEqual(before);
      const { rows } = await pool().query("SELECT 1 FROM notes WHERE note LIKE $1", [
        `${refusedNote}%`,
      ]);
      expect(rows).toEqual([]);
    }
  });

  test("a retry of a committed append is idempotent and projects nothing twice", async () => {
    for (const { store } of [planned(), storeWith([rooms, notes, sloppy])]) {
      const stream = freshStream();
      const batch = [
        { ...note(uniqueNote()), eventId: randomUUID() },
        { ...reserve(freshRoom()), eventId: randomUUID() },
      ];
      const first = await store.append(stream, batch, { expectedVersion: "no_stream" });
      const after = await projected(stream);
      for (const expectedVersion of ["no_stream", 0, 2] as const) {
        const retry = await store.append(stream, batch, { expectedVersion });
        expect(retry.alreadyAppended).toBe(true);
        expect(retry.events.map((e) => e.globalPosition)).toEqual(
          first.events.map((e) => e.globalPosition),
        );
      }
      expect(await projected(stream)).toEqual(after);
      expect(after.rooms).toHaveLength(1);
    }
  });

  test("an event id reused in another stream is an idempotency conflict, without writes", async () => {
    const { store } = storeWith([rooms, notes, sloppy]);
    const reused = { ...note(uniqueNote()), eventId: randomUUID() };
    await store.append(freshStream(), [reused], { expectedVersion: "no_stream" });
    const stream = freshStream();
    const fresh = uniqueNote();
    await expect(
      store.append(stream, [note(fresh), reused], { expectedVersion: "no_stream" }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await projected(stream)).toEqual({ rooms: [], notes: [], counts: [] });
    const { rows } = await pool().query("SELECT 1 FROM notes WHERE note LIKE $1", [`${fresh}%`]);
    expect(rows).toEqual([]);
  });
});

describe("writes the store refuses to compose", () => {
  const refusedPlan = (write: (db: WriteBuilder<TestTables>) => unknown) =>
    defineInlineProjection<TestTables>({
      name: "careless",
      async handle() {},
      plan: (_, { db }) => [write(db) as PlannedWrite],
    });

  test.each<[string, (db: WriteBuilder<TestTables>) => unknown]>([
    [
      "an insert of values, not drawn from appended",
      (db) => db.insertInto("notes").values({ stream_id: "x", note: "y" }),
    ],
    [
      "appended only in a value's subquery",
      (db) =>
        db
          .insertInto("notes")
          .values({ stream_id: db.selectFrom("appended").select("stream_id"), note: "y" }),
    ],
    ["an update that does not read appended", (db) => db.updateTable("note_counts").set({ n: 0 })],
    ["a select, not a write", (db) => db.selectFrom("appended").select("stream_id")],
    [
      "raw SQL, whose text the store cannot check",
      () => sql`INSERT INTO notes SELECT 'x', 'y' FROM appended`,
    ],
    [
      "a second statement slipped into a raw fragment (PostgreSQL refuses it)",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(
            db
              .selectFrom("appended")
              .select([
                "stream_id",
                sql<string>`'x' FROM appended; DELETE FROM notes; SELECT 'y'`.as("note"),
              ]),
          ),
    ],
  ])("%s", async (_, write) => {
    const { store } = storeWith([refusedPlan(write)]);
    const stream = freshStream();
    const { rows: before } = await pool().query("SELECT count(*) FROM notes");
    await expect(
      store.append(stream, [event("A")], { expectedVersion: "no_stream" }),
    ).rejects.toMatchObject({ code: "INLINE_PROJECTION_FAILED", projection: "careless" });
    expect(await store.streamVersion(stream)).toBe(0);
    expect((await pool().query("SELECT count(*) FROM notes")).rows).toEqual(before);
  });
});

describe("falls back to the transaction", () => {
  const recording = (seen: string[]): InlineProjection<TestTables, Noted> => ({
    name: "recording",
    eventTypes: ["Noted"],
    async handle(events, context) {
      seen.push("handle");
      await notes.handle(events, context);
    },
    plan(events, context) {
      seen.push("plan");
      return events.some((e) => e.data.note.endsWith("!"))
        ? null
        : (notes.plan?.(events, context) ?? null);
    },
  });

  test.each<[string, ExpectedVersion | undefined, string[]]>([
    ["any", "any", ["handle"]],
    ["the default (any)", undefined, ["handle"]],
    ["stream_exists", "stream_exists", ["handle"]],
    ["an exact version, planned", 2, ["plan"]],
  ])("expected version %s", async (_, expectedVersion, path) => {
    const seen: string[] = [];
    const { store, counts } = storeWith([recording(seen)]);
    const stream = freshStream();
    await store.append(stream, [note(uniqueNote()), note(uniqueNote())], {
      expectedVersion: "no_stream",
    });
    seen.length = 0;
    const transactions = counts.transactions;
    await store.append(stream, [note(uniqueNote())], { expectedVersion });
    expect(seen).toEqual(path);
    expect(counts.transactions - transactions).toBe(path.includes("handle") ? 1 : 0);
    expect(await projected(stream)).toMatchObject({ counts: [{ n: 3 }] });
  });

  test("a plan that returns null", async () => {
    const seen: string[] = [];
    const { store, counts } = storeWith([recording(seen)]);
    const stream = freshStream();
    await store.append(stream, [note(`${uniqueNote()}!`)], { expectedVersion: "no_stream" });
    expect(seen).toEqual(["plan", "handle"]);
    expect(counts.transactions).toBe(1);
    expect(await projected(stream)).toMatchObject({ counts: [{ n: 1 }] });
  });

  test("a relevant projection without plan, next to one with", async () => {
    const { store, counts } = storeWith([rooms, handleOnly(notes)]);
    const stream = freshStream();
    await store.append(stream, [reserve(freshRoom()), note(uniqueNote())], {
      expectedVersion: "no_stream",
    });
    expect(counts.transactions).toBe(1);
    const rows = await projected(stream);
    expect([rows.rooms.length, rows.notes.length]).toEqual([1, 1]);
  });

  test("a multi-stream append", async () => {
    const seen: string[] = [];
    const { store, counts } = storeWith([recording(seen)]);
    const [a, b] = [freshStream(), freshStream()];
    await store.appendToStreams([
      { streamId: a, events: [note(uniqueNote())], options: { expectedVersion: "no_stream" } },
      { streamId: b, events: [note(uniqueNote())], options: { expectedVersion: "no_stream" } },
    ]);
    expect(seen).toEqual(["handle"]);
    expect(counts.transactions).toBe(1);
  });

  test("an append that creates a subject key", async () => {
    const seen: string[] = [];
    const { store, counts } = storeWith([recording(seen)], randomBytes(32));
    const subjectId = `subject-${randomUUID()}`;
    const personal = {
      ...note(uniqueNote()),
      data: { note: uniqueNote(), email: "a@example.org" },
      personal: { subjectId, fields: ["email"] },
    };
    await store.append(freshStream(), [personal], { expectedVersion: "no_stream" });
    expect(seen).toEqual(["handle"]);
    expect(counts.transactions).toBe(1);
    // The key exists now: the next append for the subject is planned.
    seen.length = 0;
    const again = { ...personal, data: { note: uniqueNote(), email: "b@example.org" } };
    await store.append(freshStream(), [again], { expectedVersion: "no_stream" });
    expect(seen).toEqual(["plan"]);
    expect(counts.transactions).toBe(1);
  });
});
