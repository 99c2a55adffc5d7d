import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { expect, test } from "vitest";
import { eventually, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { loadAggregate } from "./aggregate.ts";
import type { RecordedEvent } from "./event-types.ts";
import { ERASED } from "./field-encryption.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const masterKey = randomBytes(32);
const store = () => storeOn(pool(), { masterKey });

const guest = { email: "ada.lovelace@example.org", phone: "+44 20 7946 0018" };

async function rawDump(): Promise<string> {
  const tables = ["eventstore_events", "eventstore_snapshots", "eventstore_subject_keys"];
  const dumps = await Promise.all(
    tables.map(async (table) =>
      JSON.stringify((await pool().query(`SELECT * FROM ${table}`)).rows),
    ),
  );
  return dumps.join("\n");
}

test("personal fields are never stored in clear and read back as ERASED after erasure", async () => {
  const stream = freshStream("booking");
  await store().append(stream, [
    {
      type: "GuestRegistered",
      data: { bookingId: "b-1", guest: { ...guest }, nights: 3 },
      personal: { subjectId: "subject-ada", fields: ["guest.email", "guest.phone"] },
    },
  ]);
  expect(await rawDump()).not.toContain(guest.email);
  expect(await rawDump()).not.toContain(guest.phone);

  const [before] = await store().readStream(stream);
  expect(before?.data).toEqual({ bookingId: "b-1", guest, nights: 3 });

  // A snapshot holds decrypted state: erasure must remove it too.
  await loadAggregate(
    store(),
    {
      name: "guest",
      initialState: () => ({}) as unknown,
      evolve: (_state, event) => event.data,
      snapshot: { stateSchemaVersion: 1, every: 1 },
    },
    stream,
  );
  expect(await rawDump()).toContain(guest.email);

  await store().eraseSubject("subject-ada");
  const dump = await rawDump();
  expect(dump).not.toContain(guest.email);
  expect(dump).not.toContain(guest.phone);

  const erased = { bookingId: "b-1", guest: { email: ERASED, phone: ERASED }, nights: 3 };
  expect((await store().readStream(stream))[0]?.data).toEqual(erased);
  // The global log waits for older transactions of other test databases: poll.
  const fromLog = async () =>
    (await store().readAll({ limit: 100 })).events.find((e) => e.streamId === stream);
  await eventually(async () => (await fromLog()) !== undefined);
  expect((await fromLog())?.data).toEqual(erased);

  const delivered: RecordedEvent[] = [];
  const runner = store().subscribe({
    name: "rebuild-after-erasure",
    pollIntervalMs: 50,
    handle: async (events) => {
      delivered.push(...events);
    },
  });
  runner.start();
  try {
    await eventually(() => delivered.some((e) => e.streamId === stream));
  } finally {
    await runner.stop();
  }
  expect(delivered.find((e) => e.streamId === stream)?.data).toEqual(erased);
});

test("other subjects stay readable; personal data without a master key is refused", async () => {
  const stream = freshStream("booking");
  await store().append(stream, [
    {
      type: "A",
      data: { email: "a@example.org" },
      personal: { subjectId: "s-a", fields: ["email"] },
    },
    {
      type: "B",
      data: { email: "b@example.org" },
      personal: { subjectId: "s-b", fields: ["email"] },
    },
  ]);
  await store().eraseSubject("s-a");
  const events = await store().readStream(stream);
  expect(events.map((e) => e.data)).toEqual([{ email: ERASED }, { email: "b@example.org" }]);
  await expect(
    storeOn(pool()).append(freshStream(), [
      { type: "A", data: { email: "x" }, personal: { subjectId: "s-x", fields: ["email"] } },
    ]),
  ).rejects.toMatchObject({ code: "MASTER_KEY_MISSING" });
});
