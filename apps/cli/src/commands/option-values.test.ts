import { describe, expect, test } from "vitest";
import { type CommandOptions, UsageError } from "../command.ts";
import { bookingInput } from "./book.command.ts";
import { idOperand, parseLimit, parseWholeNumber } from "./option-values.ts";

const offeringId = "6f1c1b2e-8a4d-4c1e-9b7a-0a1b2c3d4e5f";
const room = "0d9b6f3a-2c4e-4a8b-9f1d-3e5a7c9b1d2f";
const options = (more: Partial<CommandOptions>): CommandOptions => ({ json: false, ...more });

describe("book's options", () => {
  test("a stay: dates, rooms, guests default 1", () => {
    expect(
      bookingInput(
        offeringId,
        options({ "check-in": "2027-05-01", "check-out": "2027-05-03", room: [room] }),
      ),
    ).toEqual({
      offeringId,
      resourceIds: [room],
      checkIn: "2027-05-01",
      checkOut: "2027-05-03",
      guests: 1,
    });
  });

  test("a slot: a start with an offset", () => {
    expect(
      bookingInput(offeringId, options({ start: "2027-05-03T09:00:00+02:00", guests: "2" })),
    ).toMatchObject({ start: "2027-05-03T09:00:00+02:00", guests: 2 });
  });

  test.each([
    [{}, "Give --check-in, --check-out and --room for a stay, or --start for a slot."],
    [{ "check-in": "2027-05-01", start: "2027-05-01T09:00:00Z" }, "not both"],
    [{ "check-in": "2027-05-01", "check-out": "2027-05-03" }, "A stay needs at least one --room"],
    [{ "check-in": "2027-05-01", room: [room] }, "--check-out: is required for a stay"],
    [
      { "check-in": "2027-05-03", "check-out": "2027-05-01", room: [room] },
      '--check-out: must be after checkIn; got "2027-05-01".',
    ],
    [
      { "check-in": "2027-02-30", "check-out": "2027-03-01", room: [room] },
      '--check-in: must be a date YYYY-MM-DD; got "2027-02-30".',
    ],
    [{ "check-in": "2027-05-01", "check-out": "2027-05-03", room: ["7"] }, "--room: "],
    [{ start: "2027-05-01T09:00:00Z", guests: "0" }, "--guests must be a whole number from 1"],
    [{ start: "tomorrow" }, "--start: "],
  ] as [Partial<CommandOptions>, string][])("%o is a usage error", (given, message) => {
    expect(() => bookingInput(offeringId, options(given))).toThrow(UsageError);
    expect(() => bookingInput(offeringId, options(given))).toThrow(message);
  });
});

test("parseLimit and parseWholeNumber take whole numbers in range only", () => {
  expect(parseLimit(undefined)).toBe(50);
  expect(parseLimit("200")).toBe(200);
  expect(() => parseLimit("0")).toThrow("--limit must be a whole number from 1 to 200");
  expect(parseWholeNumber("--guests", undefined, { min: 1, max: 9 })).toBeUndefined();
  expect(() => parseWholeNumber("--guests", "2.5", { min: 1, max: 9 })).toThrow('got "2.5"');
});

test("idOperand wants exactly one UUID", () => {
  expect(idOperand([room], "booking", "see `booking bookings`")).toBe(room);
  expect(() => idOperand([], "booking", "see `booking bookings`")).toThrow(
    "The booking's id is missing (see `booking bookings`).",
  );
  expect(() => idOperand(["42"], "booking", "")).toThrow('"42" is not a booking id (a UUID).');
  expect(() => idOperand([room, "x"], "booking", "")).toThrow('Unexpected argument "x".');
});
