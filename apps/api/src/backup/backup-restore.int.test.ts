import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isStoreEmpty } from "@booking/eventstore";
import { createTestDatabase, type TestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { inDays, weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { readOutbox } from "../../test/outbox.ts";
import { scanForPersonalData } from "../../test/personal-data-scan.ts";
import { caughtUp } from "../../test/projections.ts";
import { useTestServer } from "../../test/test-server.ts";
import { type RunningServer, startServer } from "../app/server.ts";
import { loadConfig } from "../config/config.ts";
import { connectDatabase, type Database } from "../db/database.ts";
import { createLogger } from "../observability/logger.ts";
import { type BackupHeader, backupHeaderSchema } from "./backup-format.ts";
import { tableFates } from "./backup-tables.ts";
import { eventLogChecksum } from "./event-log-checksum.ts";
import { offlineDependencies } from "./offline-dependencies.ts";
import { restoreBackup } from "./restore.ts";
import { type RestoreTarget, restoreTargetOf } from "./restore-target.ts";

const secret = "backup-and-restore-test-secret-0123456789";
const server = useTestServer({ env: { BOOKING_SECRET: secret } });
const call = restClient(() => server().url);
const logger = createLogger("silent");

/**
 * Every table whose content must come back equal, as sorted JSON rows. Left out, because
 * they legitimately differ: the events' transaction ids (cluster-specific; the checksum
 * covers everything else), when a stream row and a subject key row were written (the
 * restore writes them), the subscriptions (checkpoints are compared by lag), and the
 * transient tables (rate-limit windows, rebuild requests).
 */
const compared: Record<string, string> = {
  eventstore_events: `global_position, stream_id, stream_version, event_id, event_type,
    schema_version, data, recorded_at, correlation_id, causation_id, actor, subject_id,
    personal_fields`,
  eventstore_streams: "stream_id, version",
  eventstore_subject_keys: "subject_id, wrapped_key",
  ...Object.fromEntries(
    Object.entries(tableFates)
      .filter(([, fate]) => fate !== "transient")
      .map(([table]) => [table, "*"]),
  ),
};

async function contents(pool: pg.Pool): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(compared)) {
    const { rows } = await pool.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM (SELECT ${columns} FROM ${table}) t ORDER BY 1`,
    );
    result[table] = rows.map((row) => row.row);
  }
  return result;
}

/** Users, venues, bookings in every state, tokens, a feed, mail, and one erased member. */
async function varietyOfData() {
  const owner = await ownerToken(call);
  const stay = await venueWithOffering(call, owner, "stay", 2);
  const workshop = await venueWithOffering(call, owner, "slot", 1);
  const alice = await activeUser(call);
  const bob = await activeUser(call);
  const room = (index: number) => [stay.resourceIds[index] ?? ""];
  const book = async (token: string | undefined, body: Record<string, unknown>) => {
    const response = await call<{ booking: { id: string; status: string } }>("POST", "/bookings", {
      ...(token ? { token } : {}),
      body: { guests: 1, ...body },
      // A stored answer for a retry is kept too.
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.booking.id;
  };
  const stayBody = (index: number, from: number) => ({
    offeringId: stay.offeringId,
    resourceIds: room(index),
    checkIn: inDays(from),
    checkOut: inDays(from + 2),
    notes: `stay from day ${from}`,
  });
  const action = async (path: string, token: string, body?: unknown) => {
    const response = await call("POST", path, { token, ...(body ? { body } : {}) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  await book(alice.token, stayBody(0, 30)); // stays pending
  const confirmed = await book(alice.token, stayBody(1, 40));
  await action(`/bookings/${confirmed}/confirm`, owner);
  const rejected = await book(bob.token, stayBody(0, 50));
  await action(`/bookings/${rejected}/reject`, owner, { reason: "family visit" });
  const cancelled = await book(alice.token, stayBody(0, 60));
  expect((await call("DELETE", `/bookings/${cancelled}`, { token: alice.token })).status).toBe(200);
  await book(bob.token, { offeringId: workshop.offeringId, start: weekdayAt10(10) });
  const guestBooking = await book(undefined, {
    offeringId: workshop.offeringId,
    start: weekdayAt10(20),
    guest: { name: "Gerd Gast", email: "gerd@example.org", phone: "+49 170 7654321" },
  });
  expect(
    (await call("POST", "/me/tokens", { token: alice.token, body: { name: "script" } })).status,
  ).toBe(201);
  expect(
    (await call("POST", "/me/feeds", { token: alice.token, body: { name: "cal" } })).status,
  ).toBe(201);
  expect((await call("DELETE", "/me", { token: bob.token })).status).toBe(204);
  return { owner, alice, bob, workshop, guestBooking };
}

/** Every read model caught up and no mail left to send: the backup and the source agree. */
async function settled(url: string, pool: pg.Pool) {
  for (const name of ["statistics", "calendar", "notifications"]) await caughtUp(url, name);
  for (let attempt = 0; ; attempt++) {
    const { rows } = await pool.query<{ due: number }>(
      "SELECT count(*)::int AS due FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()",
    );
    if (rows[0]?.due === 0) return;
    if (attempt > 600) throw new Error("mail is still due");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function targetOn(database: Database): RestoreTarget {
  const deps = server().deps;
  return restoreTargetOf(
    offlineDependencies(deps.config, deps.secrets, database, logger),
    "booking-restore",
  );
}

describe("backup and restore", () => {
  let scene: Awaited<ReturnType<typeof varietyOfData>>;
  let file = "";
  let header: BackupHeader;
  let before: Record<string, string[]>;
  let target: TestDatabase;
  let restoring: Database;

  beforeAll(async () => {
    scene = await varietyOfData();
    await settled(server().url, server().deps.database.pool);
    const response = await fetch(`${server().url}/api/v1/backup`, {
      headers: { Authorization: `Bearer ${scene.owner}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const text = await response.text();
    before = await contents(server().deps.database.pool);
    file = join(await mkdtemp(join(tmpdir(), "booking-backup-test-")), "backup.ndjson");
    await writeFile(file, text);
    header = backupHeaderSchema.parse(JSON.parse(text.slice(0, text.indexOf("\n"))));
    target = await createTestDatabase();
    restoring = connectDatabase(target.url, logger, { applicationName: "booking-restore" });
  });
  afterAll(async () => {
    await restoring?.close().catch(() => {});
    await target?.drop();
  });

  test("the backup's header describes the log it holds", async () => {
    const log = await eventLogChecksum(server().deps.database.pool);
    expect(header.eventLogSha256).toBe(log.sha256);
    expect(header.counts.events).toBe(log.events);
    expect(header.counts.rows).toMatchObject({
      sessions: expect.any(Number),
      notifications: expect.any(Number),
    });
    expect(header.counts.rows.api_tokens).toBe(1);
    expect(header.counts.rows.calendar_feeds).toBe(1);
    expect(header.counts.checkpoints).toBe(1);
  });

  test("a damaged, truncated or foreign backup is refused and changes nothing", async () => {
    const text = await readFile(file, "utf8");
    const lines = text.split("\n");
    const eventAt = lines.findIndex((line) => line.includes('"kind":"event"'));
    const damaged = [...lines];
    damaged[eventAt] = (damaged[eventAt] ?? "").replace('"streamVersion":1', '"streamVersion":2');
    const variants: [string, string, RegExp][] = [
      ["damaged", damaged.join("\n"), /damaged: its content does not match the checksum/],
      ["truncated", lines.slice(0, -5).join("\n"), /incomplete \(truncated\?\)/],
      [
        "not json",
        text.replace('"kind":"subjectKey"', "kind subjectKey"),
        /damaged: a line is not JSON/,
      ],
      ["no header", lines.slice(1).join("\n"), /is not a booking backup/],
    ];
    for (const [name, content, message] of variants) {
      const path = `${file}.${name.replace(" ", "-")}`;
      await writeFile(path, content);
      await expect(restoreBackup(targetOn(restoring), path), name).rejects.toThrow(message);
    }
    const otherSecret = {
      ...targetOn(restoring),
      secrets: { ...server().deps.secrets, personalDataMasterKey: Buffer.alloc(32, 7) },
    };
    await expect(restoreBackup(otherSecret, file)).rejects.toThrow(/made with another secret/);
    const intruder = new pg.Client({
      connectionString: target.url,
      application_name: "booking-api",
    });
    await intruder.connect();
    try {
      await expect(restoreBackup(targetOn(restoring), file)).rejects.toThrow(
        /stop the api before restoring/,
      );
    } finally {
      await intruder.end();
    }
    expect(await isStoreEmpty(restoring.pool)).toBe(true);
    const { rows } = await restoring.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users",
    );
    expect(rows[0]?.n).toBe(0);
  });

  test("restored into an empty database: the same log, every read model equal, the erased still erased", async () => {
    const summary = await restoreBackup(targetOn(restoring), file);
    expect(summary.eventLogSha256).toBe(header.eventLogSha256);
    expect(summary.events).toBe(header.counts.events);
    expect((await eventLogChecksum(restoring.pool)).sha256).toBe(header.eventLogSha256);
    const after = await contents(restoring.pool);
    for (const table of Object.keys(compared)) {
      expect(after[table], table).toEqual(before[table]);
    }
    for (const table of [
      "bookings",
      "statistics_monthly",
      "calendar_entries",
      "idempotency_keys",
    ]) {
      expect(after[table]?.length, table).toBeGreaterThan(0);
    }
    expect(after.notifications?.some((row) => row.includes('"kind":"booking_reminder"'))).toBe(
      true,
    );

    const erased = scene.bob.person;
    const leaks = await scanForPersonalData(restoring.pool, [
      erased.email,
      erased.name,
      erased.phone,
    ]);
    expect(leaks).toEqual([]);
    const alice = await restoring.pool.query<{ email: string }>(
      "SELECT email FROM users WHERE id = $1",
      [scene.alice.id],
    );
    expect(alice.rows[0]?.email).toBe(scene.alice.person.email);
  });

  test("a second restore into the now filled database is refused and changes nothing", async () => {
    const filled = await contents(restoring.pool);
    await expect(restoreBackup(targetOn(restoring), file)).rejects.toThrow(
      /The database is not empty \(eventstore_events, eventstore_subject_keys, users/,
    );
    expect(await contents(restoring.pool)).toEqual(filled);
  });

  describe("an api started on the restored database", () => {
    let restored: RunningServer;
    const dataDir = () => restored.deps.config.dataDir;
    beforeAll(async () => {
      await restoring.close();
      const config = loadConfig({
        PORT: "0",
        DATABASE_URL: target.url,
        BOOKING_DATA_DIR: await mkdtemp(join(tmpdir(), "booking-restored-")),
        BOOKING_SECRET: secret,
        LOG_LEVEL: "silent",
        RATE_LIMIT_PER_MINUTE: "0",
        TRUST_PROXY: "1",
      });
      restored = await startServer(config, { webRoot: undefined });
    });
    afterAll(async () => {
      await restored?.stop();
    });

    test("takes old logins, appends after the restored log and mails only what is new", async () => {
      const onRestored = restClient(() => restored.url);
      const me = await onRestored<{ user: { id: string } }>("GET", "/me", {
        token: scene.alice.token,
      });
      expect(me.status).toBe(200);
      const pool = restored.deps.database.pool;
      const mailBefore = await pool.query<{ id: string }>("SELECT id FROM notifications");
      const response = await onRestored<{ booking: { id: string } }>("POST", "/bookings", {
        token: scene.alice.token,
        body: { offeringId: scene.workshop.offeringId, start: weekdayAt10(30), guests: 1 },
      });
      expect(response.status).toBe(201);
      const bookingId = response.body.booking.id;
      const { rows } = await pool.query<{ global_position: string }>(
        "SELECT global_position FROM eventstore_events WHERE stream_id LIKE $1",
        [`%${bookingId}`],
      );
      expect(Math.min(...rows.map((row) => Number(row.global_position)))).toBeGreaterThan(
        Number(JSON.parse(before.eventstore_events?.at(-1) ?? "{}").global_position),
      );
      await settled(restored.url, pool);
      const mailAfter = await pool.query<{ id: string; booking_id: string | null; status: string }>(
        "SELECT id, booking_id, status FROM notifications",
      );
      const known = new Set(mailBefore.rows.map((row) => row.id));
      const added = mailAfter.rows.filter((row) => !known.has(row.id));
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((row) => row.booking_id === bookingId)).toBe(true);
      // The outbox of this installation holds the new booking's mail and nothing older.
      const sent = added.filter((row) => row.status === "sent").length;
      expect(sent).toBeGreaterThan(0);
      expect((await readOutbox(dataDir())).length).toBe(sent);
      await caughtUp(restored.url, "statistics");
    });
  });

  test("a reactor behind at backup time resumes where it stood: the mails it owed, once", async () => {
    // The backup as if the reactor had not reached the guest's booking yet: its checkpoint
    // line names those events, the outbox lacks their mails. Re-sealed like a real one.
    const [, ...body] = (await readFile(file, "utf8")).trimEnd().split("\n");
    const lines = body.map((line) => JSON.parse(line) as Record<string, unknown>);
    const events = lines.filter((line) => line.kind === "event") as {
      globalPosition: number;
      eventId: string;
      streamId: string;
    }[];
    const from = events.find((e) => e.streamId.endsWith(scene.guestBooking))?.globalPosition ?? 0;
    const pending = events.filter((e) => e.globalPosition >= from);
    const pendingIds = new Set(pending.map((e) => e.eventId));
    const rowOf = (line: Record<string, unknown>) => line.row as Record<string, string>;
    const owed = lines.filter(
      (line) => line.table === "notifications" && pendingIds.has(rowOf(line).event_id ?? ""),
    );
    const owedIds = new Set(owed.map((line) => rowOf(line).id));
    expect(owed.length).toBeGreaterThan(1);
    const kept = body.filter((_, i) => {
      const line = lines[i] ?? {};
      if (line.kind === "checkpoint") return false;
      if (owed.includes(line)) return false;
      return !(line.table === "notification_attempts" && owedIds.has(rowOf(line).notification_id));
    });
    const checkpoint = {
      kind: "checkpoint",
      name: "notifications",
      pending: pending.map((e) => e.globalPosition),
    };
    const sealed = [JSON.stringify(checkpoint), ...kept].map((line) => `${line}\n`);
    const count = (table: string) => sealed.filter((l) => l.includes(`"table":"${table}"`)).length;
    const behindHeader: BackupHeader = {
      ...header,
      counts: {
        ...header.counts,
        rows: {
          ...header.counts.rows,
          notifications: count("notifications"),
          notification_attempts: count("notification_attempts"),
        },
      },
      sha256: createHash("sha256").update(sealed.join("")).digest("hex"),
    };
    const behindFile = `${file}.behind`;
    await writeFile(behindFile, [`${JSON.stringify(behindHeader)}\n`, ...sealed].join(""));

    const behind = await createTestDatabase();
    const loading = connectDatabase(behind.url, logger, { applicationName: "booking-restore" });
    let api: RunningServer | undefined;
    try {
      await restoreBackup(targetOn(loading), behindFile);
      await loading.close();
      api = await startServer(
        loadConfig({
          PORT: "0",
          DATABASE_URL: behind.url,
          BOOKING_DATA_DIR: await mkdtemp(join(tmpdir(), "booking-behind-")),
          BOOKING_SECRET: secret,
          LOG_LEVEL: "silent",
          RATE_LIMIT_PER_MINUTE: "0",
        }),
        { webRoot: undefined },
      );
      await settled(api.url, api.deps.database.pool);
      const { rows } = await api.deps.database.pool.query<{ message_id: string; status: string }>(
        "SELECT message_id, status FROM notifications ORDER BY message_id",
      );
      const original = owed.map((line) => rowOf(line).message_id).sort();
      const all = before.notifications?.map((row) => JSON.parse(row).message_id).sort();
      expect(rows.map((row) => row.message_id)).toEqual(all);
      const again = rows.filter((row) => original.includes(row.message_id));
      const sent = again.filter((row) => row.status === "sent").length;
      expect(sent).toBeGreaterThan(0);
      // Only what the reactor owed was mailed by this installation; the rest was not resent.
      expect((await readOutbox(api.deps.config.dataDir)).length).toBe(sent);
    } finally {
      await api?.stop();
      await loading.close().catch(() => {});
      await behind.drop();
    }
  });
});
