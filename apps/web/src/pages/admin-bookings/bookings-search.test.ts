import { expect, test } from "vitest";
import { validateAdminBookingsSearch } from "./bookings-search.ts";

const venueId = "6f1c1f4e-8d0a-4c57-9a52-2d7f3a1b0c11";

test("valid filters are kept as they are, the words trimmed", () => {
  expect(
    validateAdminBookingsSearch({
      status: "pending",
      venueId,
      from: "2027-07-01",
      to: "2027-08-01",
      q: "  mia  ",
    }),
  ).toEqual({ status: "pending", venueId, from: "2027-07-01", to: "2027-08-01", q: "mia" });
});

test("a bad value is dropped, the others stay", () => {
  expect(
    validateAdminBookingsSearch({
      status: "lost",
      venueId: "../admin",
      from: "2027-13-45",
      to: "2027-08-01",
      q: "   ",
    }),
  ).toEqual({ to: "2027-08-01" });
});

test("an end that is not after the start is dropped", () => {
  expect(validateAdminBookingsSearch({ from: "2027-08-01", to: "2027-08-01" })).toEqual({
    from: "2027-08-01",
  });
});

test("nothing given, no filter", () => {
  expect(validateAdminBookingsSearch({})).toEqual({});
});
