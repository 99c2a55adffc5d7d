import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createGunzip, createGzip } from "node:zlib";
import type { CommandContext } from "../command.ts";
import { checkBackupLines } from "./backup-file-check.ts";

/**
 * Downloads a backup from the api (GET /api/v1/backup, admins) into `file` (default: the
 * name the server gives it, in the current directory), then reads the file back and checks
 * it against its header: a download cut off midway is deleted, not left looking complete.
 */
export async function downloadBackup(
  context: CommandContext,
  file: string | undefined,
): Promise<number> {
  await context.authenticated(); // a usable login, or the usual advice to log in
  const token = context.explicitToken?.token ?? (await context.store.get(context.url))?.token;
  const started = performance.now();
  const response = await fetch(new URL("/api/v1/backup", context.url), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok || !response.body) {
    context.output.err(`The server refused the backup: ${await refusal(response)}`);
    return 1;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  if (file === "-") {
    await pipeline(body, toStdout());
    return 0;
  }
  const target = file ?? suggestedName(response) ?? "booking-backup.ndjson";
  const gzip = target.endsWith(".gz");
  try {
    const output = createWriteStream(target, { mode: 0o600 });
    await (gzip ? pipeline(body, createGzip(), output) : pipeline(body, output));
    const raw = createReadStream(target);
    const lines = createInterface({ input: gzip ? raw.pipe(createGunzip()) : raw });
    const summary = await checkBackupLines(lines);
    const { size } = await stat(target);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (context.options.json) {
      context.output.out(JSON.stringify({ file: target, bytes: size, seconds, ...summary }));
    } else {
      context.output.out(
        `Backup written to ${target}: ${summary.events} events, ${summary.subjectKeys} subject keys, ${summary.rows} other rows (${(size / 1024).toFixed(1)} KiB in ${seconds} s). Event log sha256 ${summary.eventLogSha256}. Keep the installation's secret with it (README, "Backup and restore").`,
      );
    }
    return 0;
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}

async function refusal(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (error?.message) return `${error.message} (${error.code ?? response.status})`;
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP ${response.status}`;
}

/** stdout as a pipeline's end that is never closed (the process may still write to it). */
function toStdout(): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      if (process.stdout.write(chunk)) done();
      else process.stdout.once("drain", () => done());
    },
  });
}

function suggestedName(response: Response): string | undefined {
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="([^"/\\]+)"/.exec(disposition)?.[1];
  return name && !name.startsWith(".") ? name : undefined;
}
