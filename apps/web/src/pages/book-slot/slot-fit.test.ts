import { describe, expect, test } from "vitest";
import { largestParty, slotFits } from "./slot-fit.ts";

const bays = [
  { id: "a", name: "Bay 1", capacity: 1 },
  { id: "b", name: "Bay 2", capacity: 4 },
];

describe("slotFits", () => {
  test("any free resource suits one person who did not choose a place", () => {
    expect(slotFits({ freeResourceIds: ["x"] }, [], 1, "")).toBe(true);
    expect(slotFits({ freeResourceIds: [] }, bays, 1, "")).toBe(false);
  });

  test("a party needs a free place that holds it", () => {
    expect(slotFits({ freeResourceIds: ["a"] }, bays, 3, "")).toBe(false);
    expect(slotFits({ freeResourceIds: ["a", "b"] }, bays, 3, "")).toBe(true);
    expect(slotFits({ freeResourceIds: ["b"] }, bays, 5, "")).toBe(false);
  });

  test("a chosen place must be among the free ones", () => {
    expect(slotFits({ freeResourceIds: ["a"] }, bays, 1, "b")).toBe(false);
    expect(slotFits({ freeResourceIds: ["a", "b"] }, bays, 1, "b")).toBe(true);
  });
});

test("largestParty is the biggest place's capacity, at least 1 and at most the limit", () => {
  expect(largestParty(bays, 20)).toBe(4);
  expect(largestParty(bays, 3)).toBe(3);
  expect(largestParty([], 20)).toBe(1);
});
