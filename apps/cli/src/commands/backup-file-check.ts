import { createHash } from "node:crypto";

export interface BackupFileSummary {
  events: number;
  subjectKeys: number;
  /** Rows of the tables kept besides the log (credentials, feeds, the outbox). */
  rows: number;
  eventLogSha256: string;
}

interface Header {
  format?: string;
  counts?: {
    checkpoints?: number;
    events?: number;
    subjectKeys?: number;
    rows?: Record<string, number>;
  };
  eventLogSha256?: string;
  sha256?: string;
}

/**
 * What the CLI checks of a backup it received: a header, then exactly the lines it
 * announces with the checksum it gives (the format is the api's: docs/adr/0014).
 */
export async function checkBackupLines(lines: AsyncIterable<string>): Promise<BackupFileSummary> {
  let header: Header | undefined;
  const hash = createHash("sha256");
  let bodyLines = 0;
  for await (const line of lines) {
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== "booking-backup") throw new Error("The server sent no backup.");
      continue;
    }
    hash.update(`${line}\n`);
    bodyLines += 1;
  }
  const counts = header?.counts;
  const rows = Object.values(counts?.rows ?? {}).reduce((sum, n) => sum + n, 0);
  const announced =
    (counts?.checkpoints ?? 0) + (counts?.events ?? 0) + (counts?.subjectKeys ?? 0) + rows;
  if (!header || bodyLines !== announced || hash.digest("hex") !== header.sha256) {
    throw new Error(
      "The backup arrived incomplete or damaged (its checksum does not match); nothing was kept.",
    );
  }
  return {
    events: counts?.events ?? 0,
    subjectKeys: counts?.subjectKeys ?? 0,
    rows,
    eventLogSha256: header.eventLogSha256 ?? "",
  };
}
