import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { event, eventually, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import type { EventStore } from "./event-store.ts";
import { compareLogPositions, LOG_START, logPositionOf } from "./event-types.ts";
import { defineInlineProjection } from "./inline-projection.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);

// Keeps each append's transaction open a moment after its rows are written, so writers of
// the same streams pile up behind one another (no timing is asserted).
const lingering = defineInlineProjection({
  name: "lingering",
  async handle(_events, { client }) {
    await client.query("SELECT pg_sleep(0.002)");
  },
});

// The global log is ordered by transaction id. Transaction ids are handed out before a
// writer waits for a stream, so without the stream lock taken first a writer that got its
// id earlier could be given the later versions, and subscribers would see them first.
test("the global log keeps every stream in version order under contended appends", async () => {
  const store = storeOn(pool(), { inlineProjections: [lingering] });
  const plain = storeOn(pool());
  const streams = [freshStream("hot"), freshStream("hot")];
  await Promise.all(
    Array.from({ length: 16 }, async (_, writer) => {
      for (let i = 0; i < 12; i++) {
        const stream = streams[(writer + i) % 2] as string;
        const events = [event("E", { writer, i }), event("F")];
        if (i % 3 === 0) {
          await plain.appendToStreams(
            streams.map((streamId) => ({ streamId, events: [event("Both", { writer, i })] })),
          );
        } else {
          await (i % 2 === 0 ? plain : store).append(stream, events);
        }
      }
    }),
  );
  for (const stream of streams) {
    const events = await plain.readStream(stream);
    const inLogOrder = [...events].sort((a, b) =>
      compareLogPositions(logPositionOf(a), logPositionOf(b)),
    );
    expect(inLogOrder.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
  }
});

/**
 * An append that creates a subject key, paused by the test right after the key row is in
 * (its transaction has an id from then on), while another append to the same stream,
 * creating no key, comes along. Stream order in the log holds only if the paused append
 * already holds the stream's lock at that point: then the other waits for it and gets the
 * next version and a later transaction id. Were the key inserted before the stream lock
 * (as it once was), the other append would take version n and commit, the paused one
 * would then take n + 1 with the older transaction id, and the log would show n + 1 first.
 */
describe("an append creating a subject key keeps its stream in version order in the log", () => {
  const masterKey = randomBytes(32);
  // One-key advisory space: apart from the store's two-key stream locks.
  const GATE = 724_311_905;
  let subjectCounter = 0;
  const gatedSubject = () => `gated-${process.pid}-${++subjectCounter}`;
  const keyed = () => storeOn(pool(), { masterKey });
  const personal = (subjectId: string) => ({
    type: "GuestRegistered",
    data: { email: `${subjectId}@example.org` },
    personal: { subjectId, fields: ["email"] },
  });

  beforeAll(async () => {
    // The key insert of a gated subject waits, after its row is written, until the gate opens.
    await pool().query(`
      CREATE FUNCTION test_wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(${GATE});
        RETURN NULL;
      END $$`);
    await pool().query(`
      CREATE TRIGGER test_gated_subject_key AFTER INSERT ON eventstore_subject_keys
      FOR EACH ROW WHEN (NEW.subject_id LIKE 'gated-%') EXECUTE FUNCTION test_wait_at_gate()`);
  });

  /** Sessions of this database waiting for an advisory lock (the gate or a stream). */
  async function waitingForAdvisoryLocks(): Promise<number> {
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
    );
    return rows[0]?.n ?? 0;
  }

  /** The stream's versions (and types) in the order a subscriber reads the global log. */
  async function versionsInLog(store: EventStore, stream: string): Promise<[number, string][]> {
    const versions: [number, string][] = [];
    let position = LOG_START;
    for (;;) {
      const page = await store.readAll({ after: position, limit: 1000 });
      if (page.events.length === 0) return versions;
      for (const e of page.events) {
        if (e.streamId === stream) versions.push([e.streamVersion, e.type]);
      }
      position = page.position;
    }
  }

  async function overtakeWhileKeyIsCreated(
    stream: string,
    appendCreatingKey: (subjectId: string) => Promise<unknown>,
  ) {
    const plain = storeOn(pool());
    await plain.append(stream, [event("Opened")]);
    const gate = new pg.Client({ connectionString: database().url });
    await gate.connect();
    try {
      await gate.query("SELECT pg_advisory_lock($1)", [GATE]);
      const first = appendCreatingKey(gatedSubject());
      // The first append has written its key (so it has its transaction id) and waits.
      await eventually(async () => (await waitingForAdvisoryLocks()) === 1);
      let settled = false;
      const second = plain.append(stream, [event("Overtaking")]).finally(() => {
        settled = true;
      });
      // The second either waits for the stream (the first holds it) or gets through.
      await eventually(async () => settled || (await waitingForAdvisoryLocks()) === 2);
      await gate.query("SELECT pg_advisory_unlock($1)", [GATE]);
      await Promise.all([first, second]);
    } finally {
      await gate.end();
    }
    await eventually(async () => (await versionsInLog(plain, stream)).length === 3);
    expect(await versionsInLog(plain, stream)).toEqual([
      [1, "Opened"],
      [2, "GuestRegistered"],
      [3, "Overtaking"],
    ]);
  }

  test("single stream (the transaction path)", async () => {
    const stream = freshStream("keyed");
    await overtakeWhileKeyIsCreated(stream, (subject) =>
      keyed().append(stream, [personal(subject)]),
    );
  });

  test("several streams (appendToStreams)", async () => {
    const stream = freshStream("keyed");
    await overtakeWhileKeyIsCreated(stream, (subject) =>
      keyed().appendToStreams([
        { streamId: freshStream("other"), events: [personal(subject)] },
        { streamId: stream, events: [personal(subject)] },
      ]),
    );
  });
});
