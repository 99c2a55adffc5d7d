import { expect, test } from "vitest";
import { validateCalendarSearch } from "./calendar-search.ts";

test("the calendar keeps a venue id and a month, and drops anything else", () => {
  expect(
    validateCalendarSearch({ venueId: "0B6D2D4E-1C8A-4C55-9F0B-1D3C5E7A9B2C", month: "2026-12" }),
  ).toEqual({ venueId: "0b6d2d4e-1c8a-4c55-9f0b-1d3c5e7a9b2c", month: "2026-12" });
  expect(validateCalendarSearch({ venueId: "kiel", month: "2026-13" })).toEqual({});
  expect(validateCalendarSearch({ month: "1999-12" })).toEqual({});
  expect(validateCalendarSearch({ month: 202612 })).toEqual({});
});
