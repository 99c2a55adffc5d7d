import { createServer, type Socket } from "node:net";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { type AddressObject, simpleParser } from "mailparser";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { connectDatabase, type Database } from "../../db/database.ts";
import { createLogger } from "../../observability/logger.ts";
import {
  capturingLogger,
  closedPort,
  insertNotification,
  startTestSmtpServer,
  type TestSmtpServer,
  testComposer,
} from "./delivery-test-support.ts";
import { MailDeliveryError } from "./mail-delivery-error.ts";
import { createMailTransport } from "./mail-transport.ts";
import type { Notification } from "./notification-delivery.ts";
import {
  createNotificationSender,
  type NotificationSender,
  type NotificationSenderOptions,
} from "./notification-sender.ts";
import { createSmtpTransport } from "./smtp-transport.ts";

const testDatabase = useTestDatabase();
let database: Database;
let smtp: TestSmtpServer;
let senders: NotificationSender[] = [];
let clock = new Date("2027-03-01T09:00:00.000Z");
const logs = capturingLogger();

beforeAll(async () => {
  database = connectDatabase(testDatabase().url, createLogger("silent"));
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.deleteFrom("notifications").execute();
  smtp.received.length = 0;
  clock = new Date("2027-03-01T09:00:00.000Z");
});
afterEach(async () => {
  await Promise.all(senders.map((sender) => sender.stop()));
  senders = [];
});

function smtpSender(
  smtpUrl: string,
  options: Partial<NotificationSenderOptions> = {},
): NotificationSender {
  const sender = createNotificationSender(
    { database, logger: logs.logger, metrics: { registry: new Registry() } },
    {
      transport: createMailTransport({ smtpUrl, dataDir: "/nonexistent" }, logs.logger),
      compose: testComposer().compose,
      now: () => clock,
      backoffMs: (failed) => failed * 60_000,
      ...options,
    },
  );
  senders.push(sender);
  return sender;
}

async function due(): Promise<Notification> {
  return insertNotification(database.db, { due_at: clock, next_attempt_at: clock });
}

function row(id: string) {
  return database.db
    .selectFrom("notifications")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

function attempts(id: string) {
  return database.db
    .selectFrom("notification_attempts")
    .select(["attempt", "outcome", "error", "at"])
    .where("notification_id", "=", id)
    .orderBy("attempt")
    .execute();
}

const addressText = (to: AddressObject | AddressObject[] | undefined) =>
  Array.isArray(to) ? to.map((address) => address.text).join(", ") : to?.text;

test("a server requiring AUTH receives the stored message intact, with its envelope", async () => {
  const notification = await due();
  const sender = smtpSender(smtp.url());
  expect(await sender.runOnce()).toBe(1);

  expect(smtp.received).toHaveLength(1);
  const [mail] = smtp.received;
  expect(mail?.from).toBe("booking@localhost");
  expect(mail?.to).toEqual([notification.recipient]);
  const parsed = await simpleParser(mail?.raw ?? "");
  expect(parsed.messageId).toBe(notification.message_id);
  expect(addressText(parsed.to)).toBe(notification.recipient);
  expect(parsed.subject).toBe("Your booking is confirmed (booking_confirmed)");
  expect(parsed.text).toContain("your booking is confirmed.\n.\ntoken");

  const stored = await row(notification.id);
  expect(stored).toMatchObject({ status: "sent", attempts: 1, sent_at: clock, last_error: null });
  expect(mail?.raw).toBe(stored.message);
  expect(await attempts(notification.id)).toEqual([
    { attempt: 1, outcome: "sent", error: null, at: clock },
  ]);
});

test("a wrong password is a failed attempt with a clear error, retried later", async () => {
  const notification = await due();
  const sender = smtpSender(smtp.url("wrong"));
  expect(await sender.runOnce()).toBe(1);

  expect(smtp.received).toHaveLength(0);
  const stored = await row(notification.id);
  expect(stored.status).toBe("pending");
  expect(stored.attempts).toBe(1);
  expect(stored.last_error).toMatch(/^SMTP authentication failed \(check the credentials.*535/);
  expect(stored.next_attempt_at).toEqual(new Date(clock.getTime() + 60_000));
  const [attempt] = await attempts(notification.id);
  expect(attempt).toMatchObject({ attempt: 1, outcome: "failed", error: stored.last_error });
});

test("a server that refuses twice (4xx) and then accepts: sent on the third attempt", async () => {
  const notification = await due();
  smtp.refuseNext(451, 451);
  const sender = smtpSender(smtp.url(), { backoffMs: () => 0 });
  expect(await sender.runOnce()).toBe(1);
  expect(await sender.runOnce()).toBe(1);
  expect((await row(notification.id)).status).toBe("pending");
  expect(await sender.runOnce()).toBe(1);

  expect(smtp.received).toHaveLength(1);
  expect(await row(notification.id)).toMatchObject({ status: "sent", attempts: 3 });
  const recorded = await attempts(notification.id);
  expect(recorded.map((attempt) => attempt.outcome)).toEqual(["failed", "failed", "sent"]);
  expect(recorded[0]?.error).toMatch(/^SMTP server deferred the message at RCPT TO: .*451/);
});

test("a server that is down: retried with back-off, finally failed with the last error", async () => {
  const notification = await due();
  const sender = smtpSender(`smtp://user:pass@127.0.0.1:${await closedPort()}`, {
    maxAttempts: 3,
  });
  expect(await sender.runOnce()).toBe(1);
  expect((await row(notification.id)).next_attempt_at).toEqual(new Date(clock.getTime() + 60_000));
  // Not due again before its back-off has passed.
  expect(await sender.runOnce()).toBe(0);
  clock = new Date(clock.getTime() + 60_000);
  expect(await sender.runOnce()).toBe(1);
  expect((await row(notification.id)).next_attempt_at).toEqual(new Date(clock.getTime() + 120_000));
  clock = new Date(clock.getTime() + 120_000);
  expect(await sender.runOnce()).toBe(1);

  const stored = await row(notification.id);
  expect(stored.status).toBe("failed");
  expect(stored.attempts).toBe(3);
  expect(stored.last_error).toMatch(/^SMTP server unreachable: .*ECONNREFUSED/);
  expect((await attempts(notification.id)).map((attempt) => attempt.outcome)).toEqual([
    "failed",
    "failed",
    "failed",
  ]);
  clock = new Date(clock.getTime() + 24 * 3_600_000);
  expect(await sender.runOnce()).toBe(0);
});

test("a permanent rejection (5xx) fails at once; neither the row nor the log keeps the address", async () => {
  const notification = await due();
  smtp.refuseNext(550);
  logs.lines.length = 0;
  const sender = smtpSender(smtp.url());
  expect(await sender.runOnce()).toBe(1);

  const stored = await row(notification.id);
  expect(stored.status).toBe("failed");
  expect(stored.attempts).toBe(1);
  expect(stored.last_error).toMatch(/^SMTP server rejected the message at RCPT TO: .*550/);
  expect(stored.last_error).toContain("No mailbox <address> here");
  const failure = logs.lines.find((line) => line.includes("notification failed"));
  expect(failure).toContain(notification.id);
  expect(logs.lines.join("")).not.toContain(notification.recipient);
});

test("a crash between hand-off and record: the retry sends the same Message-ID and the same bytes", async () => {
  const notification = await due();
  const { compose, composed } = testComposer();
  const crashing = smtpSender(smtp.url(), {
    compose,
    afterHandOff: () => {
      throw new Error("process killed after the server accepted");
    },
  });
  await expect(crashing.runOnce()).rejects.toThrow("process killed");
  await crashing.stop();
  expect(smtp.received).toHaveLength(1);
  expect(await row(notification.id)).toMatchObject({ status: "pending", attempts: 0 });

  const restarted = smtpSender(smtp.url(), { compose });
  expect(await restarted.runOnce()).toBe(1);

  expect(composed).toEqual([notification.id]);
  expect(smtp.received).toHaveLength(2);
  const [first, second] = smtp.received;
  expect(second?.raw).toBe(first?.raw);
  expect((await simpleParser(first?.raw ?? "")).messageId).toBe(notification.message_id);
  expect((await simpleParser(second?.raw ?? "")).messageId).toBe(notification.message_id);
  expect(await row(notification.id)).toMatchObject({ status: "sent", attempts: 1 });
  expect(await attempts(notification.id)).toHaveLength(1);
});

test("a server that never answers: the hand-off gives up by its deadline, to be retried", async () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const transport = createSmtpTransport(
    `smtp://user:pass@127.0.0.1:${address.port}`,
    createLogger("silent"),
    { handOffTimeoutMs: 500 },
  );
  const started = Date.now();
  const failure = await transport
    .send({
      messageId: "<silent@localhost>",
      envelope: { from: "booking@localhost", to: "guest@example.com" },
      raw: "From: booking@localhost\r\nMessage-ID: <silent@localhost>\r\n\r\nHi\r\n",
    })
    .catch((error: unknown) => error);
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(failure).toBeInstanceOf(MailDeliveryError);
  expect((failure as MailDeliveryError).permanent).toBe(false);
  expect((failure as MailDeliveryError).message).toMatch(/timed out|abandoned/);
  await transport.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});
