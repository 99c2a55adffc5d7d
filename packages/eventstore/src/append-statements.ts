import {
  createQueryId,
  type OperationNode,
  PostgresQueryCompiler,
  RawNode,
  ValueNode,
} from "kysely";
import type { ExpectedVersion } from "./expected-version.ts";
import { APPENDED, type CheckedWrite, Slot, type WriteTemplate } from "./planned-write.ts";

/**
 * Static SQL whose parameters are numbers: those of the plain prepared statements. Written
 * once, it gives the plain statements' text (`$n`) and the planned statement, where each
 * becomes a Kysely value so that Kysely numbers them together with the writes' parameters.
 */
interface Template {
  readonly fragments: readonly string[];
  readonly params: readonly number[];
}

/** Interpolate a number for parameter `$n`, a string for SQL text, a template to nest it. */
function q(strings: TemplateStringsArray, ...parts: (number | string | Template)[]): Template {
  const fragments = [strings[0] as string];
  const params: number[] = [];
  const append = (text: string) => {
    fragments[fragments.length - 1] += text;
  };
  parts.forEach((part, i) => {
    if (typeof part === "number") {
      params.push(part);
      fragments.push("");
    } else if (typeof part === "string") {
      append(part);
    } else {
      append(part.fragments[0] as string);
      part.params.forEach((param, j) => {
        params.push(param);
        fragments.push(part.fragments[j + 1] as string);
      });
    }
    append(strings[i + 1] as string);
  });
  return { fragments, params };
}

function toText({ fragments, params }: Template): string {
  let text = fragments[0] as string;
  params.forEach((param, i) => {
    text += `$${param}${fragments[i + 1]}`;
  });
  return text;
}

/**
 * One statement per expected-version mode: it moves the stream row and inserts the events,
 * so an append outside a transaction is a single round trip. When the check fails the
 * stream CTE yields no row, nothing is inserted and the statement returns no rows.
 *
 * The stream's advisory lock comes first, before the transaction writes anything and so
 * before it has a transaction id: whoever appends to the stream next gets its id only
 * after this one ended. Ids therefore grow with stream versions, and the global log
 * (ordered by transaction id) keeps every stream in version order. Row locks alone do not:
 * an id is assigned before waiting for the row, and waiters can overtake each other.
 * Multi-stream appends take the same locks (same keys) up front, and the transaction path
 * writes nothing before them either (a new subject key goes in after the events).
 */
export const STREAM_LOCK_KEY = "hashtext('eventstore-stream')";

const LOCK = q`lock AS MATERIALIZED (
  SELECT pg_advisory_xact_lock(${STREAM_LOCK_KEY}, hashtext(${1})))`;

const STREAM_STEP = {
  any: q`INSERT INTO eventstore_streams AS s (stream_id, version) SELECT ${1}, ${2}::bigint FROM lock
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + ${2}::bigint, updated_at = now()
        RETURNING s.version - ${2}::bigint AS previous`,
  no_stream: q`INSERT INTO eventstore_streams (stream_id, version) SELECT ${1}, ${2}::bigint FROM lock
        ON CONFLICT (stream_id) DO NOTHING
        RETURNING 0::bigint AS previous`,
  stream_exists: q`UPDATE eventstore_streams SET version = version + ${2}::bigint, updated_at = now()
        FROM lock WHERE stream_id = ${1}
        RETURNING version - ${2}::bigint AS previous`,
  exact: q`UPDATE eventstore_streams SET version = version + ${2}::bigint, updated_at = now()
        FROM lock WHERE stream_id = ${1} AND version = ${3}::bigint
        RETURNING ${3}::bigint AS previous`,
} as const;

type Mode = keyof typeof STREAM_STEP;

/** Where the event arrays start: after the stream id, the event count (and the version). */
const FIRST_ARRAY: Record<Mode, number> = { any: 3, no_stream: 3, stream_exists: 3, exact: 4 };

const EVENT_COLUMNS = `stream_id, stream_version, event_id, event_type, schema_version, data,
      correlation_id, causation_id, actor, subject_id, personal_fields`;

function unnestEvents(first: number): Template {
  return q`unnest(${first}::uuid[], ${first + 1}::text[], ${first + 2}::int[], ${first + 3}::jsonb[],
      ${first + 4}::text[], ${first + 5}::text[], ${first + 6}::jsonb[], ${first + 7}::text[], ${first + 8}::jsonb[])
      WITH ORDINALITY AS e(event_id, event_type, schema_version, data, correlation_id,
        causation_id, actor, subject_id, personal_fields, n)`;
}

const EVENT_VALUES = `e.event_id, e.event_type, e.schema_version, e.data,
      e.correlation_id, e.causation_id, e.actor, e.subject_id, e.personal_fields`;

const INSERTED_COLUMNS = "global_position, transaction_id, stream_version, recorded_at";

function insertEvents(mode: Mode): string {
  return toText(q`WITH ${LOCK}, stream AS (${STREAM_STEP[mode]})
    INSERT INTO eventstore_events (${EVENT_COLUMNS})
    SELECT ${1}, stream.previous + e.n, ${EVENT_VALUES}
    FROM stream, ${unnestEvents(FIRST_ARRAY[mode])}
    ORDER BY e.n
    RETURNING ${INSERTED_COLUMNS}`);
}

const STATEMENTS: Record<Mode, { name: string; text: string }> = {
  any: { name: "eventstore_append_any", text: insertEvents("any") },
  no_stream: { name: "eventstore_append_no_stream", text: insertEvents("no_stream") },
  stream_exists: { name: "eventstore_append_stream_exists", text: insertEvents("stream_exists") },
  exact: { name: "eventstore_append_exact", text: insertEvents("exact") },
};

/** The prepared statement and its leading parameters for an expectation. */
export function appendStatement(
  streamId: string,
  eventCount: number,
  expected: ExpectedVersion,
): { name: string; text: string; leading: unknown[] } {
  const mode = modeOf(expected);
  return { ...STATEMENTS[mode], leading: leadingValues(mode, streamId, eventCount, expected) };
}

function modeOf(expected: ExpectedVersion): Mode {
  if (typeof expected === "number") return expected > 0 ? "exact" : "no_stream";
  return expected;
}

function leadingValues(
  mode: Mode,
  streamId: string,
  eventCount: number,
  expected: ExpectedVersion,
): unknown[] {
  return mode === "exact" ? [streamId, eventCount, expected] : [streamId, eventCount];
}

/**
 * The append statement with writes composed into it (the inline projections' planned
 * writes, the caller's `alsoWrite`). Three differences from the plain one:
 * - the events go in through a CTE (`inserted`) and the statement returns its rows;
 * - `appended` is one row once every event is inserted (an aggregate reads them all
 *   first); each write reads its rows from it (planned-write.ts), so none runs before the
 *   stream lock nor before the store's own errors (a duplicate event id) are raised;
 * - a refused expectation is an error, not an empty result: the stream CTE yields no row,
 *   the events' version is then NULL and violates NOT NULL (isRefusedInStatement). The
 *   whole statement fails, so no write persists, however it is written.
 */
const PLANNED_HEAD: Record<Mode, Template> = {
  any: plannedHead("any"),
  no_stream: plannedHead("no_stream"),
  stream_exists: plannedHead("stream_exists"),
  exact: plannedHead("exact"),
};

function plannedHead(mode: Mode): Template {
  return q`WITH ${LOCK}, stream AS (${STREAM_STEP[mode]}),
  inserted AS (
    INSERT INTO eventstore_events (${EVENT_COLUMNS})
    SELECT ${1}, (SELECT previous FROM stream) + e.n, ${EVENT_VALUES}
    FROM ${unnestEvents(FIRST_ARRAY[mode])}
    ORDER BY e.n
    RETURNING ${INSERTED_COLUMNS}),
  ${APPENDED} AS MATERIALIZED (
    SELECT ${1}::text AS stream_id, min(stream_version) AS first_version,
      max(stream_version) AS last_version
    FROM inserted HAVING count(*) > 0)`;
}

const PLANNED_TAIL = `
  SELECT ${INSERTED_COLUMNS} FROM inserted ORDER BY stream_version`;

/** Per mode and number of writes: all that is static, so a call only adds values and writes. */
const plannedFragments = new Map<string, readonly string[]>();

function fragmentsFor(mode: Mode, writeCount: number): readonly string[] {
  const key = `${mode}:${writeCount}`;
  const known = plannedFragments.get(key);
  if (known) return known;
  const fragments = [...PLANNED_HEAD[mode].fragments];
  for (let i = 1; i <= writeCount; i++) {
    fragments[fragments.length - 1] += `,\n  eventstore_write_${i} AS (`;
    fragments.push(")");
  }
  fragments[fragments.length - 1] += PLANNED_TAIL;
  // One write per event makes counts as large as appends; those are rare, keep them out.
  if (writeCount <= 64) plannedFragments.set(key, fragments);
  return fragments;
}

/** Stands for the plain statement's value at `index` while the planned one is compiled. */
class AppendValue {
  readonly index: number;

  constructor(index: number) {
    this.index = index;
  }
}

const HEAD_PARAMETERS: Record<Mode, readonly OperationNode[]> = {
  any: headParameters("any"),
  no_stream: headParameters("no_stream"),
  stream_exists: headParameters("stream_exists"),
  exact: headParameters("exact"),
};

function headParameters(mode: Mode): OperationNode[] {
  return PLANNED_HEAD[mode].params.map((param) => ValueNode.create(new AppendValue(param - 1)));
}

/** Where each parameter's value comes from: the append's values, a write's, or the query. */
type Source = number | { write: number; key: PropertyKey } | { constant: unknown };

interface Composed {
  text: string;
  sources: readonly Source[];
}

// Compiling is synchronous, so one compiler serves every call; the query id is only carried.
const compiler = new PostgresQueryCompiler();
const QUERY_ID = createQueryId();

/**
 * Statements made of defined writes only, per mode and sequence of writes: their text and
 * where each value goes do not change, so they are compiled once. Bounded, in case writes
 * are defined without bound; the rest are compiled per call, like any query built per call.
 */
const composedByShape = new Map<string, Composed>();
const SHAPE_LIMIT = 500;

/**
 * The planned statement for an append whose plain statement takes `values`: the raw node the
 * `sql` tag would build, with the writes' nodes in it, compiled by Kysely at once, so the
 * writes' parameters are numbered after the append's own.
 */
export function plannedAppendStatement(
  expected: ExpectedVersion,
  values: readonly unknown[],
  writes: readonly CheckedWrite[],
): { text: string; values: unknown[] } {
  const mode = modeOf(expected);
  const shape = shapeOf(mode, writes);
  let composed = shape === undefined ? undefined : composedByShape.get(shape);
  if (!composed) {
    composed = compose(mode, writes);
    if (shape !== undefined && composedByShape.size < SHAPE_LIMIT) {
      composedByShape.set(shape, composed);
    }
  }
  const bound = writes.map((write) => write.bound?.values as Record<PropertyKey, unknown>);
  return {
    text: composed.text,
    values: composed.sources.map((source) => {
      if (typeof source === "number") return values[source];
      if ("constant" in source) return source.constant;
      return bound[source.write]?.[source.key];
    }),
  };
}

/** Undefined when a write was built for this call: its text may differ from call to call. */
function shapeOf(mode: Mode, writes: readonly CheckedWrite[]): string | undefined {
  let shape: string = mode;
  for (const { bound } of writes) {
    if (!bound) return undefined;
    shape += `,${bound.template.id}`;
  }
  return shape;
}

function compose(mode: Mode, writes: readonly CheckedWrite[]): Composed {
  const node = RawNode.create(fragmentsFor(mode, writes.length), [
    ...HEAD_PARAMETERS[mode],
    ...writes.map((write) => write.node),
  ]);
  const { sql, parameters } = compiler.compileQuery(node, QUERY_ID);
  return { text: sql, sources: sourcesOf(parameters, writes) };
}

/**
 * A defined write used twice in one append (once per event, say) puts the same Slots in
 * the statement twice: its instances' parameters follow each other in the order of the
 * writes, `slotCount` each.
 */
function sourcesOf(parameters: readonly unknown[], writes: readonly CheckedWrite[]): Source[] {
  const instances = new Map<WriteTemplate, number[]>();
  writes.forEach(({ bound }, i) => {
    if (!bound) return;
    const list = instances.get(bound.template) ?? [];
    list.push(i);
    instances.set(bound.template, list);
  });
  const seen = new Map<WriteTemplate, number>();
  return parameters.map((parameter) => {
    if (parameter instanceof AppendValue) return parameter.index;
    if (!(parameter instanceof Slot)) return { constant: parameter };
    const { template, key } = parameter;
    const n = seen.get(template) ?? 0;
    seen.set(template, n + 1);
    const write = instances.get(template)?.[Math.floor(n / template.slotCount)];
    if (write === undefined) throw new Error("A defined write's value outside its write");
    return { write, key };
  });
}

/** The error a refused expectation raises in the planned statement (see PLANNED_HEAD). */
export function isRefusedInStatement(error: unknown): boolean {
  const { code, table, column } = (error ?? {}) as Record<string, unknown>;
  return code === "23502" && table === "eventstore_events" && column === "stream_version";
}
