import pg from "pg";
import { expect, test } from "vitest";
import { fastTypes } from "./fast-type-parsers.ts";

const parse = fastTypes.getTypeParser(1184, "text") as (text: string) => Date;
const reference = pg.types.getTypeParser(1184, "text") as (text: string) => Date;

test("timestamptz parses like pg's own parser", () => {
  for (const text of [
    "2026-11-22 04:35:10.123456+00",
    "2026-11-22 04:35:10+00",
    "1999-01-31 23:59:59.5-05",
    "2026-03-01 00:00:00.001+05:30",
    "infinity",
  ]) {
    expect(parse(text)).toEqual(reference(text));
  }
});

test("json, jsonb and int8 decode the same whatever parsers the process set globally", () => {
  const previous = [20, 114, 3802].map((oid) => pg.types.getTypeParser(oid, "text"));
  pg.types.setTypeParser(20, (text) => BigInt(text));
  pg.types.setTypeParser(3802, () => "overridden");
  pg.types.setTypeParser(114, () => "overridden");
  try {
    expect((fastTypes.getTypeParser(3802, "text") as (t: string) => unknown)('{"a":1}')).toEqual({
      a: 1,
    });
    expect((fastTypes.getTypeParser(114, "text") as (t: string) => unknown)("[1]")).toEqual([1]);
    expect((fastTypes.getTypeParser(20, "text") as (t: string) => unknown)("42")).toBe("42");
  } finally {
    [20, 114, 3802].forEach((oid, i) => {
      pg.types.setTypeParser(oid, previous[i] as (text: string) => unknown);
    });
  }
});
