import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { useTestServer } from "../../test/test-server.ts";
import { verifyBackupFile } from "./backup-file.ts";
import { backupLines } from "./backup-snapshot.ts";
import { eventLogChecksum } from "./event-log-checksum.ts";

const server = useTestServer();

test("a backup taken while events are appended is of one instant", async () => {
  const { eventStore, database, secrets } = server().deps;
  let appended = 0;
  let stop = false;
  const appending = (async () => {
    for (let i = 0; !stop; i++) {
      await eventStore.append(`noise-${i}`, [{ type: "NoiseMade", data: { i } }]);
      appended += 1;
    }
  })();
  const lines: string[] = [];
  for await (const line of backupLines({ pool: database.pool, secrets, reactorNames: [] })) {
    lines.push(line);
    // Between the pass that counts and hashes and the pass that hands out lines, more
    // events commit: the second pass must not see them.
    if (lines.length === 1) {
      const from = appended;
      while (appended < from + 20) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  stop = true;
  await appending;
  const file = join(await mkdtemp(join(tmpdir(), "booking-snapshot-")), "backup.ndjson");
  await writeFile(file, lines.join(""));
  const header = await verifyBackupFile(file);
  const now = await eventLogChecksum(database.pool);
  expect(now.events).toBeGreaterThanOrEqual(header.counts.events + 20);
  expect(lines.filter((line) => line.startsWith('{"kind":"event"'))).toHaveLength(
    header.counts.events,
  );
});
