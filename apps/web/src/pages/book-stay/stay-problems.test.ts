import { describe, expect, test } from "vitest";
import { stayProblem } from "./stay-problems.ts";

const facts = {
  minNights: 2,
  maxNights: 14,
  guests: 4,
  rooms: new Map([
    ["a", { name: "Lake room", capacity: 2 }],
    ["b", { name: "Attic", capacity: 3 }],
  ]),
  chosen: ["a"],
};

describe("stayProblem", () => {
  test("rules go to the field they concern, with the numbers to explain them", () => {
    expect(stayProblem({ code: "RULE_VIOLATION", details: { rule: "CAPACITY" } }, facts)).toEqual({
      field: "rooms",
      key: "bookStay.rule.CAPACITY",
      values: { min: 2, max: 14, guests: 4, capacity: 2 },
    });
    expect(
      stayProblem({ code: "RULE_VIOLATION", details: { rule: "MIN_NIGHTS" } }, facts)?.field,
    ).toBe("dates");
    expect(stayProblem({ code: "RULE_VIOLATION", details: { rule: "GUESTS" } }, facts)?.key).toBe(
      "bookStay.rule.GUESTS",
    );
    expect(
      stayProblem({ code: "RULE_VIOLATION", details: { rule: "OWNER_REQUIRED" } }, facts),
    ).toBeUndefined();
  });

  test("a taken room is named", () => {
    expect(
      stayProblem({ code: "SLOT_UNAVAILABLE", details: { resourceIds: ["b"] } }, facts),
    ).toEqual({ field: "rooms", key: "bookStay.taken", values: { rooms: "Attic" } });
    expect(
      stayProblem({ code: "SLOT_UNAVAILABLE", details: { resourceIds: [] } }, facts)?.key,
    ).toBe("bookStay.takenSome");
  });

  test("validation failures find their field, others are not the stay's", () => {
    expect(
      stayProblem(
        { code: "VALIDATION_FAILED", details: { checkOut: ["must be after checkIn"] } },
        facts,
      ),
    ).toEqual({ field: "dates", key: "bookStay.invalid.dates" });
    expect(stayProblem({ code: "VALIDATION_FAILED", details: { x: ["?"] } }, facts)?.field).toBe(
      "form",
    );
    expect(stayProblem({ code: "UNAVAILABLE", details: undefined }, facts)).toBeUndefined();
    expect(stayProblem(undefined, facts)).toBeUndefined();
  });
});
