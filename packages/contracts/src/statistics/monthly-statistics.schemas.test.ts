import { expect, test } from "vitest";
import { projectionNameSchema } from "../system/projection.schemas.ts";
import { monthlyStatisticsQuerySchema } from "./monthly-statistics.schemas.ts";

const venueId = "6f160226-5a3c-4c41-9b87-1f2a4f0d7e11";

test("the statistics query takes a year from the query string and a venue id", () => {
  expect(monthlyStatisticsQuerySchema.parse({ year: "2027", venueId })).toEqual({
    year: 2027,
    venueId,
  });
  for (const year of ["twenty", "2027.5", "1999", "", "99999"]) {
    expect(monthlyStatisticsQuerySchema.safeParse({ year, venueId }).success, year).toBe(false);
  }
  expect(monthlyStatisticsQuerySchema.safeParse({ year: "2027" }).success).toBe(false);
});

test("projection names are identifiers: lower-case letters, digits and _", () => {
  expect(projectionNameSchema.safeParse("statistics").success).toBe(true);
  expect(projectionNameSchema.safeParse("venue_calendar2").success).toBe(true);
  for (const name of ["", "Statistics", "2stats", "stats-monthly", "x".repeat(41), "a;drop"]) {
    expect(projectionNameSchema.safeParse(name).success, name).toBe(false);
  }
});
