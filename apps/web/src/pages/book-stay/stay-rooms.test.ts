import { expect, test } from "vitest";
import { stayAvailability } from "./stay-rooms.ts";

const rooms = [
  { id: "a", name: "Lake", capacity: 2 },
  { id: "b", name: "Garden", capacity: 2 },
  { id: "c", name: "Family", capacity: 5 },
];
const free = new Map([
  ["2027-07-01", ["a", "b", "c"]],
  ["2027-07-02", ["a", "b"]],
  ["2027-07-03", ["a"]],
  ["2027-07-04", []],
]);

test("a night is free when its free rooms sleep the guests", () => {
  const forFour = stayAvailability(free, rooms, 4, 14);
  expect(forFour.nightFree("2027-07-02")).toBe(true);
  expect(forFour.nightFree("2027-07-03")).toBe(false);
  expect(forFour.nightFree("2027-08-01")).toBe(false);
});

test("check-out dates end where the rooms free on every night no longer sleep the guests", () => {
  expect([...stayAvailability(free, rooms, 2, 14).checkOuts("2027-07-01")]).toEqual([
    "2027-07-02",
    "2027-07-03",
    "2027-07-04",
  ]);
  expect([...stayAvailability(free, rooms, 4, 14).checkOuts("2027-07-01")]).toEqual([
    "2027-07-02",
    "2027-07-03",
  ]);
  expect([...stayAvailability(free, rooms, 2, 1).checkOuts("2027-07-01")]).toEqual(["2027-07-02"]);
});

test("the rooms of a range are those free on all of its nights", () => {
  const names = stayAvailability(free, rooms, 1, 14)
    .roomsFor("2027-07-01", "2027-07-03")
    .map((room) => room.name);
  expect(names).toEqual(["Lake", "Garden"]);
});
