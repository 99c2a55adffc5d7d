import pg from "pg";

const TIMESTAMPTZ_OID = 1184;
// What PostgreSQL prints with DateStyle ISO: "2026-11-22 04:35:10.123456+00" (or "+05:30").
const ISO_TIMESTAMPTZ = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:\d\d)?$/;

/**
 * pg's generic timestamptz parser dominated the cost of reading a stream; ISO text parsed by
 * Date is several times faster. Anything unusual (BC, infinity, other DateStyle) falls back.
 */
function parseTimestamptz(text: string): Date {
  if (!ISO_TIMESTAMPTZ.test(text)) return fallback(text);
  const withOffsetMinutes =
    text.length - text.search(/[+-]\d\d(:\d\d)?$/) === 3 ? `${text}:00` : text;
  return new Date(withOffsetMinutes.replace(" ", "T"));
}

const fallback = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => Date;

const identity = (text: string) => text;

/**
 * The types the store's own columns use, decoded the same whatever the process set
 * globally: another library may replace pg's json parser with a slower one (with a reviver
 * turning big numbers into BigInt, as Emmett's does) or int8 with BigInt, which would
 * change events' data and slow every read.
 */
const PINNED: Record<number, (text: string) => unknown> = {
  20: identity, // int8: kept as text; callers convert what fits a number
  23: Number, // int4
  114: JSON.parse, // json
  3802: JSON.parse, // jsonb
  [TIMESTAMPTZ_OID]: parseTimestamptz,
};

/** Per-query type parsers: the application's global pg settings are left alone. */
export const fastTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    const pinned = format === "binary" ? undefined : PINNED[oid];
    return pinned ?? pg.types.getTypeParser(oid, format ?? "text");
  },
} as pg.CustomTypesConfig;
