import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { type ParsedMail, simpleParser } from "mailparser";
import type { Database } from "../src/db/schema.ts";
import type { ExtraPlace } from "./personal-data-scan.ts";

/** The file sink's directory under a data dir (docs/api.md, SMTP_URL unset). */
export function outboxDirectory(dataDir: string): string {
  return join(dataDir, "outbox");
}

/** Every finished `.eml` file of the outbox (temporary files start with a dot), parsed. */
export async function readOutbox(dataDir: string): Promise<{ file: string; mail: ParsedMail }[]> {
  const directory = outboxDirectory(dataDir);
  const files = (await readdir(directory).catch(() => [] as string[])).filter(
    (file) => file.endsWith(".eml") && !file.startsWith("."),
  );
  return Promise.all(
    files.map(async (file) => ({
      file,
      mail: await simpleParser(await readFile(join(directory, file))),
    })),
  );
}

/** Waits until the outbox holds a mail that satisfies `match`; returns it. */
export async function mailIn(
  dataDir: string,
  match: (mail: ParsedMail) => boolean,
  timeoutMs = 15_000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readOutbox(dataDir)).find(({ mail }) => match(mail));
    if (found) return found.mail;
    if (Date.now() > deadline) throw new Error("no such mail arrived in the outbox");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The addresses a parsed mail is to. */
export function recipientsOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((value) => value.address ?? ""));
}

/**
 * The outbox as the personal-data scan reads it: raw files and their decoded parts
 * (headers, text, HTML, attachments), since an encoded body would hide a name from a scan
 * of the raw bytes.
 */
export function outboxPlace(dataDir: string): ExtraPlace {
  return {
    name: "outbox .eml files",
    async read() {
      const directory = outboxDirectory(dataDir);
      const files = await readdir(directory).catch(() => [] as string[]);
      const texts: string[] = [];
      for (const file of files) {
        const raw = await readFile(join(directory, file));
        texts.push(raw.toString("utf8"));
        const mail = await simpleParser(raw);
        texts.push(
          mail.subject ?? "",
          mail.text ?? "",
          typeof mail.html === "string" ? mail.html : "",
          JSON.stringify(mail.to ?? ""),
          ...mail.attachments.map((attachment) => attachment.content.toString("utf8")),
        );
      }
      return texts;
    },
  };
}

/** A mail the sender gave up on, as it leaves one (for the admin's list and retry). */
export async function insertFailedNotification(
  db: Kysely<Database>,
  to = "nobody@example.org",
  createdAt = new Date(),
): Promise<string> {
  const id = randomUUID();
  const eventId = randomUUID();
  await db
    .insertInto("notifications")
    .values({
      id,
      kind: "account_approved",
      event_id: eventId,
      recipient: to,
      language: "en",
      message_id: `<account-approved.${eventId}.guest@example.org>`,
      status: "failed",
      due_at: new Date(),
      next_attempt_at: new Date(),
      attempts: 8,
      last_error: "connect ECONNREFUSED 127.0.0.1:2525",
      created_at: createdAt,
    })
    .execute();
  return id;
}
