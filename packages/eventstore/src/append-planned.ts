import { createHash } from "node:crypto";
import { plannedAppendText, plannedLeadingCount } from "./append-statements.ts";
import { databaseErrorFields, InlineProjectionError } from "./event-store-errors.ts";
import type { NewEvent } from "./event-types.ts";
import {
  type AnyInlineProjection,
  type PlannedEvent,
  type PlannedWrite,
  relevantEvents,
} from "./inline-projection.ts";
import { renumberWrite } from "./planned-writes.ts";
import type { PreparedAppend } from "./prepared-append.ts";

/**
 * How one single-stream append (without new subject keys) can be written:
 * - `alone`: no projection writes anything for it, the plain append statement;
 * - `planned`: one statement with every projection's planned writes composed into it;
 * - `transaction`: a relevant projection cannot plan (or the versions are not known
 *   before the insert): BEGIN, the statement, the projections' `handle`, COMMIT.
 */
export type AppendPlan =
  | { kind: "alone" }
  | { kind: "transaction" }
  | {
      kind: "planned";
      statement: { name: string | undefined; text: string; values: unknown[] };
      /** The projections that contributed writes, to name the one a failure belongs to. */
      writers: string[];
    };

const ALONE: AppendPlan = { kind: "alone" };
const TRANSACTION: AppendPlan = { kind: "transaction" };

export function planAppend(
  projections: readonly AnyInlineProjection[],
  append: PreparedAppend,
): AppendPlan {
  const relevant = projections.filter(
    (projection) => relevantEvents(projection, append.events as NewEvent[]).length > 0,
  );
  if (relevant.length === 0) return ALONE;
  const { expected } = append;
  if (expected !== "no_stream" && typeof expected !== "number") return TRANSACTION;
  if (relevant.some((projection) => !projection.plan)) return TRANSACTION;

  const events = plannedEvents(append, expected === "no_stream" ? 0 : expected);
  const writes: string[] = [];
  const values = [...append.statement.values];
  let offset = plannedLeadingCount(expected);
  if (values.length !== offset) throw new Error("Append statement parameters out of step");
  const writers: string[] = [];
  for (const projection of relevant) {
    let planned: PlannedWrite[] | null;
    try {
      planned = projection.plan?.(relevantEvents(projection, events)) ?? null;
      if (planned === null) return TRANSACTION;
      for (const write of planned) {
        writes.push(renumberWrite(write, offset));
        values.push(...write.values);
        offset += write.values.length;
      }
    } catch (error) {
      throw new InlineProjectionError(projection.name, error);
    }
    if (planned.length > 0) writers.push(projection.name);
  }
  if (writes.length === 0) return ALONE;
  const text = plannedAppendText(expected, writes);
  return { kind: "planned", statement: { name: statementName(text), text, values }, writers };
}

function plannedEvents(append: PreparedAppend, previousVersion: number): PlannedEvent[] {
  const { streamId, events, encoded } = append;
  return events.map((event, i) => ({
    type: event.type,
    data: event.data,
    eventId: encoded.eventIds[i] as string,
    schemaVersion: encoded.schemaVersions[i] as number,
    streamId,
    streamVersion: previousVersion + i + 1,
    correlationId: encoded.correlationIds[i] ?? null,
    causationId: encoded.causationIds[i] ?? null,
    actor: encoded.actors[i] ? JSON.parse(encoded.actors[i] as string) : null,
  }));
}

/**
 * A named prepared statement per composed text, so PostgreSQL parses and plans it once per
 * connection. Writes carry their values as parameters, so texts are few; should a
 * projection build texts without bound, the ones past the limit run unnamed (planned each
 * time) rather than pile up prepared statements in every connection.
 */
const names = new Map<string, string>();
const NAMED_STATEMENT_LIMIT = 200;

function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= NAMED_STATEMENT_LIMIT) return known;
  const name = `eventstore_planned_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/** SQLSTATE classes that are the server's or the connection's condition, not a write's. */
const NOT_A_WRITE = new Set(["08", "53", "57", "58", "XX"]);

/**
 * Whether a planned statement's error comes from a projection's write: a database error
 * that is neither on the store's own tables nor about the server or the connection.
 */
export function isWriteError(error: unknown): boolean {
  const { sqlState } = databaseErrorFields(error);
  if (!sqlState || NOT_A_WRITE.has(sqlState.slice(0, 2))) return false;
  const table = (error as { table?: unknown }).table;
  return !(typeof table === "string" && table.startsWith("eventstore_"));
}
