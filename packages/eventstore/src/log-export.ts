import type pg from "pg";
import { EVENT_COLUMNS, type EventRow } from "./event-rows.ts";
import { ImportError } from "./event-store-errors.ts";
import { fastTypes } from "./fast-type-parsers.ts";

/** One NDJSON line of an export. Events stay as stored: personal fields remain encrypted. */
export type ExportLine =
  | {
      kind: "event";
      streamId: string;
      streamVersion: number;
      eventId: string;
      type: string;
      schemaVersion: number;
      data: unknown;
      recordedAt: string;
      correlationId: string | null;
      causationId: string | null;
      actor: unknown;
      subjectId: string | null;
      personalFields: string[] | null;
    }
  | { kind: "subjectKey"; subjectId: string; wrappedKey: string };

const PAGE = 1000;

/**
 * The whole log in global order as NDJSON lines, then the (still wrapped) subject keys.
 * Pages by keyset, so memory stays flat for any log size.
 */
export async function* exportLog(pool: pg.Pool): AsyncGenerator<string> {
  let after = { transactionId: "0", globalPosition: 0 };
  for (;;) {
    const { rows } = await pool.query<EventRow>({
      types: fastTypes,
      text: `SELECT ${EVENT_COLUMNS} FROM eventstore_events
             WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
             ORDER BY transaction_id, global_position LIMIT ${PAGE}`,
      values: [after.transactionId, after.globalPosition],
    });
    for (const row of rows) yield `${JSON.stringify(lineOf(row))}\n`;
    const last = rows[rows.length - 1];
    if (!last) break;
    after = { transactionId: last.transaction_id, globalPosition: Number(last.global_position) };
  }
  const keys = await pool.query<{ subject_id: string; wrapped_key: Buffer }>(
    "SELECT subject_id, wrapped_key FROM eventstore_subject_keys ORDER BY subject_id",
  );
  for (const key of keys.rows) {
    const line: ExportLine = {
      kind: "subjectKey",
      subjectId: key.subject_id,
      wrappedKey: key.wrapped_key.toString("base64"),
    };
    yield `${JSON.stringify(line)}\n`;
  }
}

function lineOf(row: EventRow): ExportLine {
  return {
    kind: "event",
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    recordedAt: row.recorded_at.toISOString(),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
    subjectId: row.subject_id,
    personalFields: row.personal_fields,
  };
}

/**
 * Loads an export into an empty store, in one transaction. Streams, versions, event ids and
 * metadata are kept; global positions and transaction ids are assigned anew, in log order.
 */
export async function importLog(
  pool: pg.Pool,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<number> {
  const client = await pool.connect();
  let imported = 0;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query("SELECT 1 FROM eventstore_events LIMIT 1");
    if (rows.length > 0) throw new ImportError("Import needs an empty event store");
    for await (const text of lines) {
      if (text.trim() === "") continue;
      const line = JSON.parse(text) as ExportLine;
      if (line.kind === "subjectKey") {
        await client.query(
          "INSERT INTO eventstore_subject_keys (subject_id, wrapped_key) VALUES ($1, $2)",
          [line.subjectId, Buffer.from(line.wrappedKey, "base64")],
        );
        continue;
      }
      await client.query({
        name: "eventstore_import_event",
        text: `INSERT INTO eventstore_events (stream_id, stream_version, event_id, event_type,
                 schema_version, data, recorded_at, correlation_id, causation_id, actor,
                 subject_id, personal_fields)
               VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11, $12::jsonb)`,
        values: [
          line.streamId,
          line.streamVersion,
          line.eventId,
          line.type,
          line.schemaVersion,
          JSON.stringify(line.data),
          line.recordedAt,
          line.correlationId,
          line.causationId,
          line.actor === null ? null : JSON.stringify(line.actor),
          line.subjectId,
          line.personalFields === null ? null : JSON.stringify(line.personalFields),
        ],
      });
      imported += 1;
    }
    await client.query(`INSERT INTO eventstore_streams (stream_id, version)
      SELECT stream_id, max(stream_version) FROM eventstore_events GROUP BY stream_id`);
    const gaps = await client.query(`SELECT stream_id FROM eventstore_events GROUP BY stream_id
      HAVING max(stream_version) <> count(*) LIMIT 1`);
    if (gaps.rows.length > 0) throw new ImportError("The export has gaps in stream versions");
    await client.query("COMMIT");
    return imported;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error instanceof SyntaxError
      ? new ImportError(`Malformed NDJSON: ${error.message}`)
      : error;
  } finally {
    client.release();
  }
}
