import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { connectDatabase, type Database } from "../../db/database.ts";
import { createLogger } from "../../observability/logger.ts";
import type { ComposedMessage } from "./composed-message.ts";
import { defaultBackoffMs } from "./delivery-record.ts";
import { capturingLogger, insertNotification, testComposer } from "./delivery-test-support.ts";
import { createFileTransport, outboxFileName } from "./file-transport.ts";
import { MailDeliveryError } from "./mail-delivery-error.ts";
import type { MailTransport } from "./mail-transport.ts";
import type { Notification } from "./notification-delivery.ts";
import {
  createNotificationSender,
  type NotificationSender,
  type NotificationSenderOptions,
} from "./notification-sender.ts";

const testDatabase = useTestDatabase();
let database: Database;
let outbox: string;
let senders: NotificationSender[] = [];
let clock = new Date("2027-03-01T09:00:00.000Z");
const logs = capturingLogger();

beforeAll(() => {
  database = connectDatabase(testDatabase().url, createLogger("silent"));
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.deleteFrom("notifications").execute();
  outbox = await mkdtemp(join(tmpdir(), "booking-outbox-"));
  clock = new Date("2027-03-01T09:00:00.000Z");
});
afterEach(async () => {
  await Promise.all(senders.map((sender) => sender.stop()));
  senders = [];
  await rm(outbox, { recursive: true, force: true });
});

type Step = "ok" | "temporary" | "permanent";

/** A transport that does what the test says, one step per hand-off (then accepts). */
function scriptedTransport(...steps: Step[]) {
  const sent: ComposedMessage[] = [];
  const transport: MailTransport & { sent: ComposedMessage[] } = {
    name: "scripted",
    sent,
    async send(message) {
      const step = steps.shift() ?? "ok";
      if (step === "temporary")
        throw new MailDeliveryError("421 mail server busy", { permanent: false });
      if (step === "permanent")
        throw new MailDeliveryError("550 no such mailbox", { permanent: true });
      sent.push(message);
    },
    async close() {},
  };
  return transport;
}

function makeSender(options: Partial<NotificationSenderOptions> = {}, registry = new Registry()) {
  const sender = createNotificationSender(
    { database, logger: logs.logger, metrics: { registry } },
    {
      transport: createFileTransport(outbox, logs.logger),
      compose: testComposer().compose,
      now: () => clock,
      backoffMs: (failed) => 30_000 * 2 ** (failed - 1),
      ...options,
    },
  );
  senders.push(sender);
  return sender;
}

function insertDue(values: Parameters<typeof insertNotification>[1] = {}): Promise<Notification> {
  return insertNotification(database.db, { due_at: clock, next_attempt_at: clock, ...values });
}

function row(id: string) {
  return database.db
    .selectFrom("notifications")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

function attemptsOf(id: string) {
  return database.db
    .selectFrom("notification_attempts")
    .select(["attempt", "outcome", "error", "at"])
    .where("notification_id", "=", id)
    .orderBy("attempt")
    .execute();
}

const later = (ms: number) => new Date(clock.getTime() + ms);
const outboxFiles = async () => (await readdir(outbox)).sort();

test("sends what is due, leaves what is not yet due until its time", async () => {
  const now = await insertDue();
  const reminder = await insertDue({ due_at: later(3_600_000), next_attempt_at: later(3_600_000) });
  const sender = makeSender();
  expect(await sender.runOnce()).toBe(1);
  expect(await outboxFiles()).toEqual([outboxFileName(now.message_id)]);
  expect(await row(now.id)).toMatchObject({ status: "sent", attempts: 1, sent_at: clock });
  expect(await row(reminder.id)).toMatchObject({ status: "pending", attempts: 0, message: null });

  clock = later(3_600_000);
  expect(await sender.runOnce()).toBe(1);
  expect(await row(reminder.id)).toMatchObject({ status: "sent", sent_at: clock });
  expect(await outboxFiles()).toHaveLength(2);
  const stored = await row(reminder.id);
  expect(await readFile(join(outbox, outboxFileName(reminder.message_id)), "utf8")).toBe(
    stored.message,
  );
});

test("every attempt is recorded; failures wait by back-off; give-up after maxAttempts", async () => {
  const notification = await insertDue();
  const transport = scriptedTransport("temporary", "temporary", "temporary");
  const registry = new Registry();
  const sender = makeSender({ transport, maxAttempts: 3 }, registry);
  const start = clock;

  expect(await sender.runOnce()).toBe(1);
  expect(await row(notification.id)).toMatchObject({
    status: "pending",
    attempts: 1,
    last_error: "421 mail server busy",
    next_attempt_at: later(30_000),
  });
  clock = later(29_999);
  expect(await sender.runOnce()).toBe(0);
  clock = new Date(start.getTime() + 30_000);
  expect(await sender.runOnce()).toBe(1);
  expect((await row(notification.id)).next_attempt_at).toEqual(later(60_000));
  clock = later(60_000);
  expect(await sender.runOnce()).toBe(1);

  expect(await row(notification.id)).toMatchObject({ status: "failed", attempts: 3 });
  expect(await attemptsOf(notification.id)).toEqual([
    { attempt: 1, outcome: "failed", error: "421 mail server busy", at: start },
    { attempt: 2, outcome: "failed", error: "421 mail server busy", at: later(-60_000) },
    { attempt: 3, outcome: "failed", error: "421 mail server busy", at: clock },
  ]);
  clock = later(86_400_000);
  expect(await sender.runOnce()).toBe(0);
  expect(transport.sent).toHaveLength(0);

  const metrics = await registry.metrics();
  expect(metrics).toContain('notifications_send_failures_total{transport="scripted"} 3');
  expect(metrics).toMatch(/\nnotifications_failed 1\n/);
  expect(metrics).toMatch(/\nnotifications_pending 0\n/);
});

test("a requeued notification gets a new series of attempts", async () => {
  const notification = await insertDue();
  const transport = scriptedTransport("permanent", "temporary", "temporary");
  const sender = makeSender({ transport, maxAttempts: 2 });
  expect(await sender.runOnce()).toBe(1);
  expect(await row(notification.id)).toMatchObject({ status: "failed", attempts: 1 });

  // What the admins' retry does.
  await database.db
    .updateTable("notifications")
    .set((eb) => ({
      status: "pending",
      attempts_at_requeue: eb.ref("attempts"),
      next_attempt_at: clock,
    }))
    .where("id", "=", notification.id)
    .execute();
  expect(await sender.runOnce()).toBe(1);
  // The back-off starts over: the first failure of the new series waits 30 s.
  expect(await row(notification.id)).toMatchObject({
    status: "pending",
    attempts: 2,
    next_attempt_at: later(30_000),
  });
  clock = later(30_000);
  expect(await sender.runOnce()).toBe(1);
  expect(await row(notification.id)).toMatchObject({ status: "failed", attempts: 3 });

  await database.db
    .updateTable("notifications")
    .set((eb) => ({ status: "pending", attempts_at_requeue: eb.ref("attempts") }))
    .where("id", "=", notification.id)
    .execute();
  expect(await sender.runOnce()).toBe(1);
  expect(await row(notification.id)).toMatchObject({ status: "sent", attempts: 4 });
  expect((await attemptsOf(notification.id)).map((attempt) => attempt.outcome)).toEqual([
    "failed",
    "failed",
    "failed",
    "sent",
  ]);
  expect(transport.sent).toHaveLength(1);
});

test("the default back-off: from 30 s, doubling, at most 1 h, with jitter", () => {
  for (let i = 0; i < 200; i += 1) {
    expect(defaultBackoffMs(1)).toBeGreaterThanOrEqual(24_000);
    expect(defaultBackoffMs(1)).toBeLessThanOrEqual(36_000);
    expect(defaultBackoffMs(3)).toBeGreaterThanOrEqual(96_000);
    expect(defaultBackoffMs(3)).toBeLessThanOrEqual(144_000);
    expect(defaultBackoffMs(30)).toBeGreaterThanOrEqual(2_880_000);
    expect(defaultBackoffMs(30)).toBeLessThanOrEqual(3_600_000);
  }
  const spread = new Set(Array.from({ length: 20 }, () => defaultBackoffMs(2)));
  expect(spread.size).toBeGreaterThan(1);
});

test("cancelled and redacted notifications are not sent, nor composed", async () => {
  const cancelled = await insertDue({ status: "cancelled" });
  const redacted = await insertDue({ recipient: null });
  const { compose, composed } = testComposer();
  const transport = scriptedTransport();
  const sender = makeSender({ transport, compose });
  expect(await sender.runOnce()).toBe(0);
  expect(transport.sent).toHaveLength(0);
  expect(composed).toEqual([]);
  expect(await row(cancelled.id)).toMatchObject({ status: "cancelled", attempts: 0 });
  expect(await row(redacted.id)).toMatchObject({ status: "pending", attempts: 0 });
});

test("a notification cancelled or redacted while its message is composed is not sent", async () => {
  const cancelledMeanwhile = await insertDue();
  const redactedMeanwhile = await insertDue();
  const { compose } = testComposer();
  const transport = scriptedTransport();
  const sender = makeSender({
    transport,
    concurrency: 1,
    async compose(notification) {
      const message = await compose(notification);
      await database.db
        .updateTable("notifications")
        .set(
          notification.id === cancelledMeanwhile.id ? { status: "cancelled" } : { recipient: null },
        )
        .where("id", "=", notification.id)
        .execute();
      return message;
    },
  });
  expect(await sender.runOnce()).toBe(0);
  expect(transport.sent).toHaveLength(0);
  expect(await row(cancelledMeanwhile.id)).toMatchObject({ attempts: 0, message: null });
  expect(await row(redactedMeanwhile.id)).toMatchObject({ attempts: 0, message: null });
});

test("the message is composed once; a composer that fails is a failed attempt", async () => {
  const notification = await insertDue();
  const { compose, composed } = testComposer();
  let calls = 0;
  const transport = scriptedTransport("temporary", "ok");
  const sender = makeSender({
    transport,
    backoffMs: () => 0,
    async compose(row) {
      calls += 1;
      if (calls === 1) throw new Error(`template missing for ${row.recipient}`);
      return compose(row);
    },
  });
  expect(await sender.runOnce()).toBe(1);
  const afterFailure = await row(notification.id);
  expect(afterFailure).toMatchObject({ status: "pending", attempts: 1, message: null });
  expect(afterFailure.last_error).toBe(
    "composing the message failed: template missing for <address>",
  );
  expect(await sender.runOnce()).toBe(1);
  expect(await sender.runOnce()).toBe(1);
  expect(composed).toEqual([notification.id]);
  expect(transport.sent).toHaveLength(1);
  expect(transport.sent[0]?.raw).toBe((await row(notification.id)).message);
  expect(transport.sent[0]?.envelope).toEqual({
    from: "booking@localhost",
    to: notification.recipient,
  });
});

test("a composer that gives another Message-ID is refused; a not-composable notification fails at once", async () => {
  const wrongId = await insertDue();
  const notComposable = await insertDue();
  const { compose } = testComposer();
  const sender = makeSender({
    transport: scriptedTransport(),
    async compose(row) {
      if (row.id === notComposable.id)
        throw Object.assign(new Error("its booking is gone"), {
          name: "NotificationNotComposableError",
        });
      return { ...(await compose(row)), messageId: "<other@localhost>" };
    },
  });
  expect(await sender.runOnce()).toBe(2);
  expect((await row(wrongId.id)).last_error).toMatch(/gave Message-ID <<address>>/);
  expect(await row(wrongId.id)).toMatchObject({ status: "pending", message: null });
  expect(await row(notComposable.id)).toMatchObject({ status: "failed", attempts: 1 });
});

test("two senders on one database: only one of them delivers", async () => {
  const first = makeSender({ transport: scriptedTransport() });
  const second = makeSender({ transport: scriptedTransport() });
  for (let i = 0; i < 5; i += 1) await insertDue();
  expect(await first.runOnce()).toBe(5);
  for (let i = 0; i < 3; i += 1) await insertDue();
  expect(await second.runOnce()).toBe(0);
  expect(await first.runOnce()).toBe(3);

  // The active one stops (or dies): the other takes over at its next try.
  await first.stop();
  await insertDue();
  expect(await second.runOnce()).toBe(1);
});

test("two running senders deliver every notification exactly once between them", async () => {
  const transports = [scriptedTransport(), scriptedTransport()] as const;
  const running = transports.map((transport) =>
    makeSender({ transport, pollIntervalMs: 10, batchSize: 4, concurrency: 3 }),
  );
  for (const sender of running) sender.start();
  const ids: string[] = [];
  for (let i = 0; i < 20; i += 1) ids.push((await insertDue()).id);
  for (const sender of running) sender.wake();
  await expect
    .poll(() => transports[0].sent.length + transports[1].sent.length, { timeout: 10_000 })
    .toBe(20);
  await Promise.all(running.map((sender) => sender.stop()));
  expect(transports.filter((transport) => transport.sent.length > 0)).toHaveLength(1);
  const rows = await database.db
    .selectFrom("notifications")
    .select(["status", "attempts"])
    .where("id", "in", ids)
    .execute();
  expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
});

test("wake() makes a running sender look at once instead of at the next poll", async () => {
  const transport = scriptedTransport();
  const sender = makeSender({ transport, pollIntervalMs: 60_000 });
  sender.start();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await insertDue();
  sender.wake();
  await expect.poll(() => transport.sent.length, { timeout: 5_000 }).toBe(1);
});

test("a NOTIFY on the wake channel, from any process, makes the active sender look at once", async () => {
  const transport = scriptedTransport();
  const sender = makeSender({ transport, pollIntervalMs: 60_000, wakeChannel: "test_due" });
  sender.start();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await insertDue();
  await database.pool.query("SELECT pg_notify('test_due', '')");
  await expect.poll(() => transport.sent.length, { timeout: 5_000 }).toBe(1);
});

test("a crash after the hand-off: the retry replaces the one file with the same message", async () => {
  const notification = await insertDue();
  const { compose, composed } = testComposer();
  const crashing = makeSender({
    compose,
    afterHandOff() {
      throw new Error("process killed after writing the file");
    },
  });
  await expect(crashing.runOnce()).rejects.toThrow("process killed");
  await crashing.stop();
  const name = outboxFileName(notification.message_id);
  expect(await outboxFiles()).toEqual([name]);
  const firstCopy = await readFile(join(outbox, name), "utf8");
  expect(await row(notification.id)).toMatchObject({ status: "pending", attempts: 0 });

  const restarted = makeSender({ compose });
  expect(await restarted.runOnce()).toBe(1);
  expect(composed).toEqual([notification.id]);
  expect(await outboxFiles()).toEqual([name]);
  const stored = await row(notification.id);
  expect(await readFile(join(outbox, name), "utf8")).toBe(firstCopy);
  expect(firstCopy).toBe(stored.message);
  expect(stored).toMatchObject({ status: "sent", attempts: 1 });
  expect(await attemptsOf(notification.id)).toHaveLength(1);
});

test("a sender whose process dies mid-hand-off: another one takes over and sends the same mail", async () => {
  const notification = await insertDue();
  const { compose, composed } = testComposer();
  let handedOff: () => void = () => {};
  const handOff = new Promise<void>((resolve) => {
    handedOff = resolve;
  });
  let killed: (error: Error) => void = () => {};
  const frozen = new Promise<void>((_, reject) => {
    killed = reject;
  });
  const dying = makeSender({
    compose,
    afterHandOff() {
      handedOff();
      return frozen;
    },
  });
  const round = dying.runOnce();
  await handOff;
  // The process is gone: its database session (and with it the lock) ends.
  const { rows } = await database.pool.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = 'booking-notification-sender' AND datname = current_database()",
  );
  for (const { pid } of rows) await database.pool.query("SELECT pg_terminate_backend($1)", [pid]);

  const successor = makeSender({ compose });
  await expect.poll(() => successor.runOnce(), { timeout: 5_000 }).toBe(1);
  killed(new Error("never resumed"));
  await expect(round).rejects.toThrow("never resumed");

  expect(composed).toEqual([notification.id]);
  expect(await outboxFiles()).toEqual([outboxFileName(notification.message_id)]);
  expect(await row(notification.id)).toMatchObject({ status: "sent", attempts: 1 });
});

test("metrics: sent per transport, and the outbox's pending count", async () => {
  const registry = new Registry();
  await insertDue();
  await insertDue();
  await insertDue({ due_at: later(60_000), next_attempt_at: later(60_000) });
  const sender = makeSender({}, registry);
  expect(await sender.runOnce()).toBe(2);
  const metrics = await registry.metrics();
  expect(metrics).toContain('notifications_sent_total{transport="file"} 2');
  expect(metrics).toMatch(/\nnotifications_pending 1\n/);
  expect(metrics).toMatch(/\nnotifications_failed 0\n/);
});
