// Shared by the delivery's tests only: a real SMTP server, outbox rows, a small composer.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import type { Insertable, Kysely } from "kysely";
import MailComposer from "nodemailer/lib/mail-composer";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import type { NotificationsTable, Database as Tables } from "../../db/schema.ts";
import type { Logger } from "../../observability/logger.ts";
import type { ComposedMessage } from "./composed-message.ts";
import type { Notification } from "./notification-delivery.ts";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  /** `smtp://user:pass@127.0.0.1:<port>` */
  url(password?: string): string;
  received: ReceivedMail[];
  /** Replies for the next transactions' RCPT TO, one each (e.g. 451, 451); then accepts. */
  refuseNext(...codes: number[]): void;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that requires AUTH (user `user`, password `pass`). */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "user" && auth.password === "pass") callback(null, { user: "user" });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      const code = refusals.shift();
      if (code === undefined) return callback();
      const verdict = code >= 500 ? `No mailbox ${address.address} here` : "Try again later";
      callback(Object.assign(new Error(verdict), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    url: (password = "pass") => `smtp://user:${password}@127.0.0.1:${address.port}`,
    received,
    refuseNext: (...codes) => refusals.push(...codes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens. */
export async function closedPort(): Promise<number> {
  const server = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Inserts a pending outbox row as the reactor would; returns it. */
export async function insertNotification(
  db: Kysely<Tables>,
  values: Partial<Insertable<NotificationsTable>> = {},
): Promise<Notification> {
  const eventId = randomUUID();
  const now = new Date();
  return db
    .insertInto("notifications")
    .values({
      id: randomUUID(),
      kind: "booking_confirmed",
      event_id: eventId,
      recipient: `guest-${eventId.slice(0, 8)}@example.com`,
      language: "en",
      message_id: `<booking-confirmed.${eventId}.guest@localhost>`,
      status: "pending",
      due_at: now,
      next_attempt_at: now,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A composer as the real one will be: a whole message from the row, with its Message-ID.
 * Each call puts a fresh token into the body, so a message composed twice would differ.
 */
export function testComposer() {
  const composed: string[] = [];
  async function compose(row: Notification): Promise<ComposedMessage> {
    if (!row.recipient) throw new Error("no recipient");
    const raw = await new MailComposer({
      from: "Booking <booking@localhost>",
      to: row.recipient,
      subject: `Your booking is confirmed (${row.kind})`,
      messageId: row.message_id,
      // Bare LF on purpose: the stored text gets CRLF, as SMTP sends it.
      text: `Hello,\nyour booking is confirmed.\n.\ntoken ${randomUUID()}\n`,
    })
      .compile()
      .build();
    composed.push(row.id);
    return {
      messageId: row.message_id,
      envelope: { from: "booking@localhost", to: row.recipient },
      raw: raw.toString("utf8"),
    };
  }
  return { compose, composed };
}

/** A logger whose JSON lines the test can read. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString("utf8"));
      callback();
    },
  });
  return { logger: pino({ level: "debug" }, sink), lines };
}
