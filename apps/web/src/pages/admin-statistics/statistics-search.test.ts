import { expect, test } from "vitest";
import { validateStatisticsSearch } from "./statistics-search.ts";

test("the statistics keep a venue id and a year the api answers for, and drop the rest", () => {
  expect(
    validateStatisticsSearch({ venueId: "0b6d2d4e-1c8a-4c55-9f0b-1d3c5e7a9b2c", year: "2026" }),
  ).toEqual({ venueId: "0b6d2d4e-1c8a-4c55-9f0b-1d3c5e7a9b2c", year: 2026 });
  expect(validateStatisticsSearch({ venueId: "x", year: "1999" })).toEqual({});
  expect(validateStatisticsSearch({ year: "2026.5" })).toEqual({});
  expect(validateStatisticsSearch({ year: "" })).toEqual({});
});
