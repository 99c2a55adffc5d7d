import {
  positionsAfterCheckpoint,
  readStoredLog,
  readWrappedSubjectKeys,
} from "@booking/eventstore";
import type pg from "pg";
import { type CheckpointLine, eventLine, type SubjectKeyLine } from "./backup-format.ts";
import { keptTables } from "./backup-tables.ts";

const PAGE = 1000;

/** What one pass over the snapshot wrote, by kind. */
export interface BodyCounts {
  checkpoints: number;
  events: number;
  subjectKeys: number;
  rows: Record<string, number>;
}

/**
 * The backup's lines after the header, read inside the caller's (repeatable read)
 * transaction: checkpoints of the reactors, the log in position order, the subject keys,
 * the kept tables' rows. Read twice per backup (checksums, then the lines themselves);
 * the snapshot makes both passes alike. Pages, so memory stays flat for any size.
 */
export async function* backupBodyLines(
  client: pg.PoolClient,
  reactorNames: readonly string[],
  counts: BodyCounts,
): AsyncGenerator<{ kind: keyof BodyCounts; line: string }> {
  for (const name of reactorNames) {
    const pending = await positionsAfterCheckpoint(client, name);
    if (pending === undefined) continue;
    const line: CheckpointLine = { kind: "checkpoint", name, pending };
    counts.checkpoints += 1;
    yield { kind: "checkpoints", line: `${JSON.stringify(line)}\n` };
  }
  for (let after = 0; ; ) {
    const events = await readStoredLog(client, after, PAGE);
    for (const event of events) {
      counts.events += 1;
      yield { kind: "events", line: eventLine(event) };
    }
    const last = events[events.length - 1];
    if (!last) break;
    after = last.globalPosition;
  }
  for (const key of await readWrappedSubjectKeys(client)) {
    const line: SubjectKeyLine = {
      kind: "subjectKey",
      subjectId: key.subjectId,
      wrappedKey: key.wrappedKey.toString("base64"),
    };
    counts.subjectKeys += 1;
    yield { kind: "subjectKeys", line: `${JSON.stringify(line)}\n` };
  }
  for (const table of keptTables) {
    counts.rows[table] = 0;
    // A cursor: the notifications' history may be long. Ordered by the row's text, so
    // two backups of the same data are the same file.
    await client.query(
      `DECLARE backup_rows NO SCROLL CURSOR FOR
       SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY row_to_json(t)::text`,
    );
    for (;;) {
      const { rows } = await client.query<{ row: string }>(`FETCH ${PAGE} FROM backup_rows`);
      for (const { row } of rows) {
        counts.rows[table] += 1;
        yield { kind: "rows", line: `{"kind":"row","table":"${table}","row":${row}}\n` };
      }
      if (rows.length < PAGE) break;
    }
    await client.query("CLOSE backup_rows");
  }
}
