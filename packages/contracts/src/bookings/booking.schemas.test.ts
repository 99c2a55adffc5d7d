import { describe, expect, test } from "vitest";
import { TEXT_MAX_LENGTH } from "../common/limits.ts";
import { createBookingInputSchema, updateBookingInputSchema } from "./booking.schemas.ts";

const create = {
  offeringId: "6f1c1f0e-0b7e-4c57-9f0a-3b1a2f7d9c11",
  start: "2027-03-03T10:00:00+01:00",
  guests: 1,
};

describe("PATCH /bookings/{id}", () => {
  test("takes answers in the create body's shape, with a move and notes in one change", () => {
    const answers = { plate: "B-AB 123", mileage: 12000 };
    const patch = { start: "2027-03-04T10:00:00+01:00", notes: null, answers };
    expect(updateBookingInputSchema.parse(patch)).toEqual(patch);
    expect(createBookingInputSchema.parse({ ...create, answers }).answers).toEqual(answers);
  });

  test.each([
    [{ plate: true }, "answers.plate"],
    [{ plate: "x".repeat(TEXT_MAX_LENGTH + 1) }, "answers.plate"],
    [{ ["k".repeat(51)]: "x" }, `answers.${"k".repeat(51)}`],
  ])("refuses answers the create body refuses too (%#)", (answers, path) => {
    for (const schema of [updateBookingInputSchema, createBookingInputSchema]) {
      const result = schema.safeParse({ ...create, answers });
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
    }
  });
});
