import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../../observability/logger.ts";
import type { MailTransport } from "./mail-transport.ts";

export interface FileTransport extends MailTransport {
  readonly directory: string;
  /** Resolves once the directory exists and a crash's temporary files are gone. */
  ready(): Promise<void>;
}

const TEMPORARY = /^\..*\.tmp$/;

/**
 * The sink without SMTP: every message is one RFC 5322 file, `<directory>/<Message-ID>.eml`
 * (mode 0600: it holds personal data). It is written under a temporary dot-name in the same
 * directory, flushed and then renamed, so a reader sees the whole file or none, and a retry
 * of the same notification replaces its file rather than adding one.
 */
export function createFileTransport(directory: string, logger: Logger): FileTransport {
  let prepared: Promise<void> | undefined;
  const ready = () => {
    prepared ??= prepare(directory, logger).catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    return prepared;
  };
  // At start: a crash's leftovers go now, not at the first mail.
  ready().catch((error: unknown) =>
    logger.warn({ err: error, directory }, "the mail outbox directory is not usable yet"),
  );
  return {
    name: "file",
    directory,
    ready,
    async send(message) {
      await ready();
      const name = outboxFileName(message.messageId);
      const temporary = join(directory, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        const file = await open(temporary, "wx", 0o600);
        try {
          await file.writeFile(message.raw, "utf8");
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, join(directory, name));
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw error;
      }
      await syncDirectory(directory);
    },
    async close() {},
  };
}

/**
 * The file name of a Message-ID: the ID itself when it only has safe characters, else its
 * safe characters and a hash of the whole ID (two IDs never share a file).
 */
export function outboxFileName(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, "");
  const safe = bare
    .replace(/[^A-Za-z0-9@._+-]/g, "_")
    .replace(/^\.+/, "_")
    .slice(0, 150);
  if (safe === bare && safe.length > 0) return `${safe}.eml`;
  const hash = createHash("sha256").update(messageId).digest("hex").slice(0, 16);
  return `${safe || "message"}.${hash}.eml`;
}

async function prepare(directory: string, logger: Logger): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const leftovers = (await readdir(directory)).filter((name) => TEMPORARY.test(name));
  await Promise.all(leftovers.map((name) => rm(join(directory, name), { force: true })));
  if (leftovers.length > 0)
    logger.info({ directory, removed: leftovers.length }, "removed unfinished outbox files");
}

/** Makes the rename itself durable; not every platform can open a directory for this. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r").catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EISDIR/EINVAL/EPERM on platforms without directory fsync: the rename is still atomic.
  } finally {
    await handle.close();
  }
}
