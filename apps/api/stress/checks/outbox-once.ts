import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type pg from "pg";
import { outboxFileName } from "../../src/notifications/delivery/file-transport.ts";
import { until } from "../infra/until.ts";

export interface OutboxAudit {
  /** Notifications due by now (reminders for later are not owed yet). */
  owed: number;
  sent: number;
  files: number;
  /** Owed notifications without exactly one file holding exactly the stored message. */
  missing: string[];
  /** Files no sent notification accounts for, or whose Message-ID another file repeats. */
  extra: string[];
  /** Guest addresses among `guests` with other than one booking confirmation. */
  confirmationsNotOne: string[];
}

interface Row {
  id: string;
  kind: string;
  recipient: string | null;
  message_id: string;
  status: string;
  message: string | null;
}

const owedRows = (pool: pg.Pool) =>
  pool.query<Row>(
    `SELECT id, kind, recipient, message_id, status, message FROM notifications
     WHERE due_at <= now() AND status <> 'cancelled'`,
  );

/**
 * "No mail goes out twice" with the file sink: every owed notification ends up `sent` with
 * exactly one `.eml` file (named after its Message-ID) whose bytes are the stored message,
 * no file is left that no notification accounts for, no Message-ID appears in two files,
 * and each guest of the load got one booking confirmation. Waits up to `timeoutMs` for the
 * sender to finish.
 */
export async function auditOutbox(
  pool: pg.Pool,
  outboxDir: string,
  guests: string[],
  timeoutMs = 60_000,
): Promise<OutboxAudit & { drainMs: number }> {
  // Done when the guests' confirmations are written (the reactor may still be behind)
  // and every owed mail is sent.
  const drainMs = await until(
    "every owed mail sent",
    async () => {
      const { rows } = await owedRows(pool);
      const confirmed = new Set(
        rows.filter((row) => row.kind === "booking_confirmed").map((row) => row.recipient),
      );
      return (
        guests.every((guest) => confirmed.has(guest)) && rows.every((row) => row.status === "sent")
      );
    },
    timeoutMs,
  ).catch(() => Number.NaN);
  const { rows } = await owedRows(pool);
  const names = (await readdir(outboxDir).catch(() => [] as string[])).filter(
    (name) => name.endsWith(".eml") && !name.startsWith("."),
  );
  const contents = new Map<string, string>();
  for (const name of names) contents.set(name, await readFile(join(outboxDir, name), "utf8"));

  const missing: string[] = [];
  const accounted = new Set<string>();
  for (const row of rows) {
    const name = outboxFileName(row.message_id);
    accounted.add(name);
    if (row.status !== "sent" || contents.get(name) !== row.message) {
      missing.push(`${row.kind} ${row.id} (${row.status})`);
    }
  }
  const seenIds = new Set<string>();
  const extra: string[] = [];
  for (const [name, text] of contents) {
    const messageId = /^Message-ID:\s*(\S+)/im.exec(text)?.[1] ?? "";
    if (!accounted.has(name) || seenIds.has(messageId)) extra.push(name);
    seenIds.add(messageId);
  }
  const confirmations = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === "booking_confirmed" && row.recipient) {
      confirmations.set(row.recipient, (confirmations.get(row.recipient) ?? 0) + 1);
    }
  }
  return {
    owed: rows.length,
    sent: rows.filter((row) => row.status === "sent").length,
    files: names.length,
    missing,
    extra,
    confirmationsNotOne: guests.filter((guest) => confirmations.get(guest) !== 1),
    drainMs,
  };
}
