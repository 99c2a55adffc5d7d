import { describe, expect, test } from "vitest";
import { otherFreeAtStart, otherFreeRooms } from "./free-rooms.ts";

describe("otherFreeRooms", () => {
  test("a room counts only when free on every night, and never the requested one", () => {
    const nights = [
      { freeResourceIds: ["a", "b", "c"] },
      { freeResourceIds: ["b", "c"] },
      { freeResourceIds: ["c", "b", "d"] },
    ];
    expect(otherFreeRooms(nights, ["c"])).toEqual(["b"]);
  });

  test("no nights, nothing free", () => {
    expect(otherFreeRooms([], [])).toEqual([]);
  });
});

describe("otherFreeAtStart", () => {
  const slots = [
    { start: "2027-07-02T08:00:00.000Z", freeResourceIds: ["a", "b"] },
    { start: "2027-07-02T09:00:00.000Z", freeResourceIds: ["c"] },
  ];

  test("the places free at the same instant, however it is written", () => {
    expect(otherFreeAtStart(slots, "2027-07-02T08:00:00Z", ["a"])).toEqual(["b"]);
  });

  test("no slot at that time, nothing else free", () => {
    expect(otherFreeAtStart(slots, "2027-07-02T10:00:00.000Z", [])).toEqual([]);
  });
});
