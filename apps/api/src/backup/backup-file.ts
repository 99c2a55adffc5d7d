import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BodyLine,
  backupHeaderSchema,
} from "./backup-format.ts";
import { BackupRefusedError } from "./backup-refused.ts";

/** The file's lines, gunzipped when it is gzip (nightly backups are). */
export async function* fileLines(path: string): AsyncGenerator<string> {
  const gzip = await isGzip(path);
  const raw = createReadStream(path);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    throw new BackupRefusedError(
      `${path} cannot be read to its end (${(error as Error).message}): it is damaged or truncated.`,
    );
  } finally {
    lines.close();
    raw.destroy();
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    throw new BackupRefusedError(`Cannot open ${path}: ${error.code ?? error.message}.`);
  });
  try {
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    return magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export function parseHeader(line: string | undefined, path: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? "");
  } catch {
    value = undefined;
  }
  const format = (value as { format?: unknown } | undefined)?.format;
  if (format !== BACKUP_FORMAT) {
    throw new BackupRefusedError(`${path} is not a booking backup (its first line is no header).`);
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupRefusedError(`${path} has a damaged header.`);
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupRefusedError(
      `${path} has backup format ${parsed.data.formatVersion}; this version of booking reads format ${BACKUP_FORMAT_VERSION}. Restore it with a newer booking.`,
    );
  }
  return parsed.data;
}

/** Hashes and counts the body as it is read, and says whether it matches the header. */
export class BodyCheck {
  private readonly hash = createHash("sha256");
  private counts = { checkpoints: 0, events: 0, subjectKeys: 0, rows: 0 };

  /** The line, parsed; a line that is no JSON object of a known kind is damage. */
  read(text: string, path: string): BodyLine {
    this.hash.update(`${text}\n`);
    let line: BodyLine;
    try {
      line = JSON.parse(text) as BodyLine;
    } catch {
      throw new BackupRefusedError(`${path} is damaged: a line is not JSON.`);
    }
    switch (line?.kind) {
      case "checkpoint":
        this.counts.checkpoints += 1;
        break;
      case "event":
        this.counts.events += 1;
        break;
      case "subjectKey":
        this.counts.subjectKeys += 1;
        break;
      case "row":
        this.counts.rows += 1;
        break;
      default:
        throw new BackupRefusedError(`${path} is damaged: a line of an unknown kind.`);
    }
    return line;
  }

  /** Throws unless every line the header announces was read, unchanged. */
  assertComplete(header: BackupHeader, path: string): void {
    const expected = header.counts;
    const rows = Object.values(expected.rows).reduce((sum, n) => sum + n, 0);
    const found = this.counts;
    if (
      found.checkpoints !== expected.checkpoints ||
      found.events !== expected.events ||
      found.subjectKeys !== expected.subjectKeys ||
      found.rows !== rows
    ) {
      throw new BackupRefusedError(
        `${path} is incomplete (truncated?): the header announces ${expected.events} events, ${expected.subjectKeys} subject keys and ${rows} rows; the file has ${found.events}, ${found.subjectKeys} and ${found.rows}.`,
      );
    }
    if (this.hash.digest("hex") !== header.sha256) {
      throw new BackupRefusedError(
        `${path} is damaged: its content does not match the checksum in its header.`,
      );
    }
  }
}

/** Reads the whole file once: a header, then exactly the lines it announces, unchanged. */
export async function verifyBackupFile(path: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const check = new BodyCheck();
  for await (const text of fileLines(path)) {
    if (!header) {
      header = parseHeader(text, path);
      continue;
    }
    check.read(text, path);
  }
  if (!header) throw new BackupRefusedError(`${path} is empty.`);
  check.assertComplete(header, path);
  return header;
}
