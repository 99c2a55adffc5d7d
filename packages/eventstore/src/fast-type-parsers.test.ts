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
