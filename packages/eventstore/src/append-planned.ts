import { createHash } from "node:crypto";
import { plannedAppendStatement } from "./append-statements.ts";
import { databaseErrorFields, InlineProjectionError } from "./event-store-errors.ts";
import type { NewEvent } from "./event-types.ts";
import {
  type AnyInlineProjection,
  type PlanContext,
  type PlannedEvent,
  relevantEvents,
} from "./inline-projection.ts";
import { type CheckedWrite, checkWrite, type PlannedWrite, writeBuilder } from "./planned-write.ts";
import type { PreparedAppend } from "./prepared-append.ts";

export interface NamedStatement {
  name: string | undefined;
  text: string;
  values: unknown[];
}

/**
 * How one single-stream append (without new subject keys) can be written:
 * - `alone`: nothing else writes for it, the plain append statement;
 * - `planned`: one statement with every projection's planned writes and the caller's
 *   writes composed into it;
 * - `transaction`: a relevant projection cannot plan (or the versions are not known
 *   before the insert): BEGIN, the statement (with the caller's writes), the projections'
 *   `handle`, COMMIT.
 */
export type AppendPlan =
  | { kind: "alone" }
  | { kind: "transaction" }
  | {
      kind: "planned";
      statement: NamedStatement;
      /** The projections that contributed writes, to name the one a failure belongs to. */
      writers: string[];
      /** Tables the projections' writes write (undefined: one the store could not name). */
      projectionTables: ReadonlySet<string | undefined>;
      /** Tables the caller's writes write; undefined without any. */
      callerTables: ReadonlySet<string | undefined> | undefined;
    };

const ALONE: AppendPlan = { kind: "alone" };
const TRANSACTION: AppendPlan = { kind: "transaction" };
const PLAN_CONTEXT: PlanContext<unknown> = { db: writeBuilder() };

export function planAppend(
  projections: readonly AnyInlineProjection[],
  append: PreparedAppend,
): AppendPlan {
  const relevant = projections.filter(
    (projection) => relevantEvents(projection, append.events as NewEvent[]).length > 0,
  );
  const callerWrites = append.writes;
  if (relevant.length === 0 && callerWrites.length === 0) return ALONE;
  const { expected } = append;
  if (relevant.length > 0) {
    if (expected !== "no_stream" && typeof expected !== "number") return TRANSACTION;
    if (relevant.some((projection) => !projection.plan)) return TRANSACTION;
  }

  // The caller's writes first, as on the transaction path (where they go in the append
  // statement, before the projections run).
  const writes: CheckedWrite[] = [...callerWrites];
  const projectionTables = new Set<string | undefined>();
  const writers: string[] = [];
  const events = relevant.length > 0 ? plannedEvents(append, expected as number | "no_stream") : [];
  for (const projection of relevant) {
    let planned: PlannedWrite[] | null;
    try {
      planned = projection.plan?.(relevantEvents(projection, events), PLAN_CONTEXT) ?? null;
      if (planned === null) return TRANSACTION;
      for (const write of planned) {
        const checked = checkWrite(write);
        writes.push(checked);
        projectionTables.add(checked.target);
      }
    } catch (error) {
      throw new InlineProjectionError(projection.name, error);
    }
    if (planned.length > 0) writers.push(projection.name);
  }
  if (writes.length === 0) return ALONE;
  return {
    kind: "planned",
    statement: plannedStatement(append, writes),
    writers,
    projectionTables,
    callerTables:
      callerWrites.length > 0 ? new Set(callerWrites.map((write) => write.target)) : undefined,
  };
}

/** The append statement with `writes` composed into it, named when its text is known. */
export function plannedStatement(
  append: PreparedAppend,
  writes: readonly CheckedWrite[],
): NamedStatement {
  const { text, values } = plannedAppendStatement(append.expected, append.statement.values, writes);
  return { name: statementName(text), text, values };
}

function plannedEvents(append: PreparedAppend, expected: number | "no_stream"): PlannedEvent[] {
  const { streamId, events, encoded } = append;
  const previousVersion = expected === "no_stream" ? 0 : expected;
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
 * connection. Writes carry their values as parameters, so texts are few; should writes be
 * built with texts without bound, the ones past the limit run unnamed (planned each time)
 * rather than pile up prepared statements in every connection.
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
 * Whether a planned statement's error comes from a write: a database error that is neither
 * on the store's own tables nor about the server or the connection.
 */
export function isWriteError(error: unknown): boolean {
  const { sqlState, table } = databaseErrorFields(error);
  if (!sqlState || NOT_A_WRITE.has(sqlState.slice(0, 2))) return false;
  return !table?.startsWith("eventstore_");
}

/**
 * Whose write a planned statement's error is, when the error tells: the caller's, or a
 * projection's. The caller's writes come first (on the transaction path they run before the
 * projections), so a projection's error is only reported when no caller's write is in the
 * statement: both may have failed, and PostgreSQL reports one of them. An error on a table
 * only the caller's writes write is theirs. Otherwise undefined: try the transaction way.
 */
export function failedWriter(
  plan: Extract<AppendPlan, { kind: "planned" }>,
  error: unknown,
): { caller: true } | { projection: string } | undefined {
  const { writers, callerTables, projectionTables } = plan;
  if (!callerTables) {
    const [only] = writers;
    return only !== undefined && writers.length === 1 ? { projection: only } : undefined;
  }
  if (writers.length === 0) return { caller: true };
  const { table } = databaseErrorFields(error);
  const onlyCallers =
    table !== undefined &&
    callerTables.has(table) &&
    !projectionTables.has(table) &&
    !projectionTables.has(undefined);
  return onlyCallers ? { caller: true } : undefined;
}
