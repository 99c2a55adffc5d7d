import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { expect, test } from "vitest";
import { event, eventually, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { LOG_START, type LogPosition } from "./event-types.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const store = () => storeOn(pool());

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database().url });
  await client.connect();
  return client;
}

/** Appends with plain SQL and leaves the transaction open, so the test decides when it commits. */
async function appendInOpenTransaction(client: pg.Client, stream: string, type: string) {
  await client.query("BEGIN");
  await client.query("INSERT INTO eventstore_streams (stream_id, version) VALUES ($1, 1)", [
    stream,
  ]);
  await client.query(
    `INSERT INTO eventstore_events (stream_id, stream_version, event_id, event_type, schema_version, data)
     VALUES ($1, 1, gen_random_uuid(), $2, 1, '{}')`,
    [stream, type],
  );
}

async function readEverything(after: LogPosition) {
  const result = await store().readAll({ after, limit: 100 });
  return { types: result.events.map((e) => e.type), position: result.position };
}

test("a transaction that commits late is delivered, not skipped", async () => {
  const early = await connect();
  const late = await connect();
  try {
    // `early` takes its transaction id first but commits last.
    await appendInOpenTransaction(early, freshStream(), "Early");
    await appendInOpenTransaction(late, freshStream(), "Late");
    await late.query("COMMIT");

    let position = LOG_START;
    const first = await readEverything(position);
    // Nothing is readable while an older transaction is running: "Late" waits for "Early".
    expect(first.types).toEqual([]);
    position = first.position;

    await early.query("COMMIT");
    // Other databases on the cluster can hold the horizon back for a moment: poll.
    await eventually(async () => (await readEverything(position)).types.length >= 2);
    expect((await readEverything(position)).types).toEqual(["Early", "Late"]);
  } finally {
    await early.end();
    await late.end();
  }
});

test("a rolled-back transaction leaves no event and does not block the log", async () => {
  const client = await connect();
  try {
    const before = await store().readAll({ limit: 1000 });
    await appendInOpenTransaction(client, freshStream(), "Abandoned");
    await store().append(freshStream(), [event("Kept")]);
    await client.query("ROLLBACK");
    await eventually(async () => (await readEverything(before.position)).types.length >= 1);
    expect((await readEverything(before.position)).types).toEqual(["Kept"]);
  } finally {
    await client.end();
  }
});

test("a backend killed mid-transaction leaves all or nothing", async () => {
  const victim = await connect();
  victim.on("error", () => {});
  const stream = freshStream();
  await victim.query("BEGIN");
  await victim.query(
    `INSERT INTO eventstore_streams (stream_id, version) VALUES ('${stream}', 2);
     INSERT INTO eventstore_events (stream_id, stream_version, event_id, event_type, schema_version, data)
     VALUES ('${stream}', 1, gen_random_uuid(), 'A', 1, '{}'), ('${stream}', 2, gen_random_uuid(), 'B', 1, '{}')`,
  );
  const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  await pool().query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
  await expect(victim.query("COMMIT")).rejects.toThrow();
  expect(await store().readStream(stream)).toEqual([]);
  expect(await store().streamVersion(stream)).toBe(0);
  // The stream is usable afterwards, starting at version 1.
  const result = await store().append(stream, [event("A")], { expectedVersion: "no_stream" });
  expect(result.nextExpectedVersion).toBe(1);
});
