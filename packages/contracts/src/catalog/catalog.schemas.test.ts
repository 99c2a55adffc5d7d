import { describe, expect, test } from "vitest";
import { currencySchema, localDateSchema, timeZoneSchema } from "./calendar.schemas.ts";
import { createOfferingInputSchema } from "./offering.schemas.ts";
import { createVenueInputSchema } from "./venue.schemas.ts";

const closed: [] = [];
const workshop = {
  name: "Werkstatt",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  openingHours: {
    mon: [
      ["08:00", "12:00"],
      ["13:00", "17:00"],
    ],
    tue: [["08:00", "17:00"]],
    wed: [["08:00", "17:00"]],
    thu: [["08:00", "17:00"]],
    fri: [["08:00", "17:00"]],
    sat: [["09:00", "13:00"]],
    sun: closed,
  },
  closures: [{ from: "2027-12-24", to: "2027-12-26", reason: "Christmas" }],
  policies: {
    approvalRequired: false,
    holdTtlMinutes: 10,
    minNoticeMinutes: 60,
    maxAdvanceDays: 90,
    cancellationNoticeHours: 24,
  },
};

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("calendar values", () => {
  test("time zones are real IANA zones", () => {
    expect(timeZoneSchema.safeParse("Europe/Berlin").success).toBe(true);
    expect(timeZoneSchema.safeParse("UTC").success).toBe(true);
    expect(timeZoneSchema.safeParse("Europe/Atlantis").success).toBe(false);
    expect(timeZoneSchema.safeParse("CET+1").success).toBe(false);
  });

  test("currencies are ISO 4217 codes", () => {
    expect(currencySchema.safeParse("EUR").success).toBe(true);
    expect(currencySchema.safeParse("eur").success).toBe(false);
    expect(currencySchema.safeParse("XYZ").success).toBe(false);
  });

  test("dates must exist", () => {
    expect(localDateSchema.safeParse("2027-02-28").success).toBe(true);
    expect(localDateSchema.safeParse("2027-02-30").success).toBe(false);
  });
});

describe("venues", () => {
  test("a workshop with split opening hours and a closure is valid", () => {
    expect(createVenueInputSchema.safeParse(workshop).success).toBe(true);
  });

  test("overlapping intervals, 24:00 as a start, reversed intervals and closures are refused", () => {
    const result = createVenueInputSchema.safeParse({
      ...workshop,
      openingHours: {
        ...workshop.openingHours,
        mon: [
          ["08:00", "12:00"],
          ["11:00", "17:00"],
        ],
        tue: [["24:00", "24:00"]],
        wed: [["17:00", "08:00"]],
        sun: [["20:00", "24:00"]],
      },
      closures: [{ from: "2027-12-26", to: "2027-12-24" }],
    });
    expect(issuesOf(result).sort()).toEqual(
      [
        "closures.0.to",
        "openingHours.mon",
        "openingHours.tue.0",
        "openingHours.tue.0.0",
        "openingHours.wed.0",
      ].sort(),
    );
  });

  test("every weekday must be given and maxAdvanceDays is at most 730", () => {
    const { sun: _sun, ...sixDays } = workshop.openingHours;
    const result = createVenueInputSchema.safeParse({
      ...workshop,
      openingHours: sixDays,
      policies: { ...workshop.policies, maxAdvanceDays: 731 },
    });
    expect(issuesOf(result).sort()).toEqual(["openingHours.sun", "policies.maxAdvanceDays"]);
  });
});

describe("offerings", () => {
  const room = "0b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e";

  test("a stay gets the documented defaults", () => {
    const parsed = createOfferingInputSchema.parse({
      name: "Room",
      mode: "stay",
      resourceIds: [room],
      price: { amount: 4500, currency: "EUR" },
      stay: {},
    });
    expect(parsed).toMatchObject({
      stay: {
        minNights: 1,
        maxNights: 14,
        checkInTime: "15:00",
        checkOutTime: "10:00",
        perGuestNightly: 0,
      },
    });
  });

  test("steps must divide a day, min nights must not exceed max, select questions need options", () => {
    const slot = createOfferingInputSchema.safeParse({
      name: "Service",
      mode: "slot",
      resourceIds: [room],
      price: { amount: 9900, currency: "EUR" },
      slot: { durationMinutes: 60, stepMinutes: 7 },
      questions: [{ key: "make", label: "Make", type: "select", required: true }],
    });
    expect(issuesOf(slot).sort()).toEqual(["questions.0.options", "slot.stepMinutes"]);
    const stay = createOfferingInputSchema.safeParse({
      name: "Room",
      mode: "stay",
      resourceIds: [room],
      price: { amount: 1.5, currency: "EUR" },
      stay: { minNights: 5, maxNights: 2 },
    });
    expect(issuesOf(stay).sort()).toEqual(["price.amount", "stay.maxNights"]);
  });

  test("number questions may bound their answer; min must not exceed max", () => {
    const withQuestion = (question: Record<string, unknown>) =>
      createOfferingInputSchema.safeParse({
        name: "Service",
        mode: "slot",
        resourceIds: [room],
        price: { amount: 100, currency: "EUR" },
        slot: { durationMinutes: 30, stepMinutes: 15 },
        questions: [{ key: "mileage", label: "Mileage", required: false, ...question }],
      });
    const bounded = withQuestion({ type: "number", min: 0, max: 500_000 });
    expect(bounded.success && bounded.data.questions?.[0]).toMatchObject({ min: 0, max: 500_000 });
    expect(issuesOf(withQuestion({ type: "number", min: 5, max: 1 }))).toEqual(["questions.0.max"]);
    expect(issuesOf(withQuestion({ type: "text", min: 1 }))).toEqual(["questions.0.min"]);
  });

  test("question keys are unique", () => {
    const question = { key: "plate", label: "Licence plate", type: "text", required: true };
    const result = createOfferingInputSchema.safeParse({
      name: "Service",
      mode: "slot",
      resourceIds: [room],
      price: { amount: 100, currency: "EUR" },
      slot: { durationMinutes: 30, stepMinutes: 15 },
      questions: [question, question],
    });
    expect(issuesOf(result)).toEqual(["questions"]);
  });
});
