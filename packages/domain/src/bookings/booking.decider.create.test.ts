import { describe, expect, test } from "vitest";
import {
  accepted,
  asAdmin,
  asGuest,
  asMember,
  asOtherMember,
  asSystem,
  BOOKING_ID,
  byMember,
  contextFor,
  create,
  createSlot,
  GUEST,
  given,
  HOUSE,
  history,
  MEMBER_ID,
  NOW,
  ROOMS,
  recordingRules,
  refuseWith,
  SERVICE,
  STAY,
  slotRequest,
  stayRequest,
  WORKSHOP,
  withPolicies,
} from "./booking.fixtures.ts";

const AT = NOW.toISOString();
const stayDetails = {
  bookingId: BOOKING_ID,
  venueId: HOUSE.id,
  offeringId: STAY.id,
  mode: "stay",
  resourceIds: ["r1"],
  guests: 2,
  start: "2027-03-10T14:00:00.000Z",
  end: "2027-03-13T09:00:00.000Z",
  blockedStart: "2027-03-10T14:00:00.000Z",
  blockedEnd: "2027-03-13T09:00:00.000Z",
  checkIn: "2027-03-10",
  checkOut: "2027-03-13",
  price: { amount: 15000, currency: "EUR" },
  bookedBy: { userId: MEMBER_ID },
  notes: null,
  answers: {},
  at: AT,
  by: { userId: MEMBER_ID },
};

describe("HoldBooking", () => {
  test("a member holds a stay for the venue's TTL; check-in and check-out in Berlin time", () => {
    expect(given([]).when(create("HoldBooking"))).toEqual([
      { type: "BookingHeld", data: { ...stayDetails, holdExpiresAt: "2027-03-01T10:10:00.000Z" } },
    ]);
  });

  test("a guest holds a slot; its buffers are blocked too; required answers may come later", () => {
    const [event] = accepted(given([]).when(createSlot("HoldBooking", { answers: {} })));
    expect(event).toMatchObject({
      type: "BookingHeld",
      data: {
        mode: "slot",
        start: "2027-03-03T09:00:00.000Z",
        end: "2027-03-03T10:00:00.000Z",
        blockedStart: "2027-03-03T08:45:00.000Z",
        blockedEnd: "2027-03-03T10:15:00.000Z",
        checkIn: null,
        checkOut: null,
        bookedBy: { guest: GUEST },
        by: { guest: true },
        price: { amount: 8900, currency: "EUR" },
      },
    });
  });

  test("the hold lasts as long as the venue says", () => {
    const context = contextFor(STAY, { venue: withPolicies(HOUSE, { holdTtlMinutes: 30 }) });
    expect(given([]).when(create("HoldBooking", { context }))).toMatchObject([
      { data: { holdExpiresAt: "2027-03-01T10:30:00.000Z" } },
    ]);
  });
});

describe("RequestBooking", () => {
  test("in a venue that wants approval, the booking waits as pending", () => {
    expect(given([]).when(create("RequestBooking", { notes: "  Late arrival " }))).toEqual([
      {
        type: "BookingRequested",
        data: { ...stayDetails, notes: "Late arrival", status: "pending", submittedHold: false },
      },
    ]);
  });

  test("elsewhere the venue's policy confirms it at once, as the system's decision", () => {
    const [requested, confirmed, ...rest] = accepted(given([]).when(createSlot("RequestBooking")));
    expect(requested).toMatchObject({
      type: "BookingRequested",
      data: { status: "pending", answers: { plate: "B-AB 123" }, by: { guest: true } },
    });
    expect(confirmed).toEqual({
      type: "BookingConfirmed",
      data: { bookingId: BOOKING_ID, at: AT, by: { system: true } },
    });
    expect(rest).toEqual([]);
  });

  test("staff and the system book for others (a caller on the phone, demo data)", () => {
    for (const actor of [asAdmin, asSystem]) {
      expect(given([]).when(create("RequestBooking", { actor }))).toMatchObject([
        {
          data: {
            bookedBy: byMember,
            by: "system" in actor ? { system: true } : { userId: "u-admin" },
          },
        },
      ]);
    }
  });

  test("an existing booking cannot be created again", () => {
    expect(given(history.pendingStay()).when(create("RequestBooking"))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "pending" },
    });
  });
});

describe("who may book for whom", () => {
  test.each([
    ["a member for another member", asOtherMember, byMember],
    ["a member for a guest", asMember, { guest: GUEST }],
    ["a guest for a member", asGuest, byMember],
    ["a guest under another booking's token", { guest: true, bookingId: "b-2" }, { guest: GUEST }],
  ] as const)("FORBIDDEN: %s", (_case, actor, bookedBy) => {
    expect(given([]).when(create("RequestBooking", { actor, bookedBy }))).toMatchObject({
      code: "FORBIDDEN",
      details: { visible: true },
    });
  });
});

describe("the request is checked against the catalog (VALIDATION_FAILED)", () => {
  const invalid = (overrides: Parameters<typeof create>[1], field: string, message: string) =>
    expect(given([]).when(create("RequestBooking", overrides))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { [field]: expect.arrayContaining([message]) },
    });

  test("check-out must be after check-in", () => {
    invalid(
      { request: stayRequest({ checkOut: "2027-03-10" }) },
      "checkOut",
      "must be after checkIn",
    );
  });
  test("dates must be real dates", () => {
    invalid(
      { request: stayRequest({ checkIn: "2027-02-30" }) },
      "checkIn",
      "must be a date YYYY-MM-DD",
    );
  });
  test("a stay is not booked by start", () => {
    invalid(
      { request: stayRequest({ start: "2027-03-10T14:00:00Z" }) },
      "start",
      "a stay is booked by checkIn and checkOut",
    );
  });
  test("a slot needs a start with a zone", () => {
    const context = contextFor(SERVICE);
    invalid(
      { context, request: slotRequest({ start: "2027-03-03T10:00" }) },
      "start",
      "must be an instant with a time zone",
    );
  });
  test("resources must be active ones of the offering", () => {
    invalid(
      { request: stayRequest({ resourceIds: ["b1"] }) },
      "resourceIds",
      "b1 is not a resource of this offering",
    );
    invalid({ request: stayRequest({ resourceIds: ["r3"] }) }, "resourceIds", "r3 is retired");
    invalid(
      { request: stayRequest({ resourceIds: [] }) },
      "resourceIds",
      "must name at least one resource",
    );
    invalid(
      { request: stayRequest({ resourceIds: ["r1", "r1"] }) },
      "resourceIds",
      "must not repeat",
    );
  });
  test("a slot takes exactly one resource", () => {
    const context = contextFor(SERVICE);
    invalid(
      { context, request: slotRequest({ resourceIds: ["b1", "b2"] }) },
      "resourceIds",
      "a slot books exactly one resource",
    );
  });
  test("guests are a whole number of at least one", () => {
    invalid(
      { request: stayRequest({ guests: 0 }) },
      "guests",
      "must be a whole number of at least 1",
    );
    invalid(
      { request: stayRequest({ guests: 1.5 }) },
      "guests",
      "must be a whole number of at least 1",
    );
  });
  test("the request names the loaded offering", () => {
    invalid(
      { request: stayRequest({ offeringId: "o-other" }) },
      "offeringId",
      "does not match the loaded offering and venue",
    );
  });
  test("notes are bounded", () => {
    invalid({ notes: "x".repeat(2001) }, "notes", "must be at most 2000 characters");
  });
  test("a guest's contact is complete and the e-mail normalized", () => {
    const guest = (contact: Partial<typeof GUEST>) => ({
      actor: asAdmin,
      bookedBy: { guest: { ...GUEST, ...contact } },
    });
    invalid(
      guest({ email: "Grete@Example.org" }),
      "guest.email",
      "must be normalized (trimmed and lower-cased)",
    );
    invalid(guest({ email: "grete" }), "guest.email", "must be an e-mail address");
    invalid(guest({ name: " " }), "guest.name", "must not be empty");
    invalid(guest({ phone: "" }), "guest.phone", "must not be empty");
  });
});

describe("answers to the offering's questions", () => {
  const answersFailure = (
    type: "HoldBooking" | "RequestBooking",
    answers: Record<string, string | number>,
  ) => given([]).when(createSlot(type, { answers }));

  test("a request needs every required answer; a hold does not yet", () => {
    expect(answersFailure("RequestBooking", {})).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { "answers.plate": ["is required"] },
    });
    expect(answersFailure("HoldBooking", {})).toHaveLength(1);
  });

  test.each([
    [{ plate: "X", mileage: "many" }, "answers.mileage", "must be a number"],
    [{ plate: "X", mileage: -1 }, "answers.mileage", "must be at least 0"],
    [{ plate: "X", mileage: 2_000_001 }, "answers.mileage", "must be at most 2000000"],
    [{ plate: 7 }, "answers.plate", "must be text"],
    [{ plate: "X", fuel: "steam" }, "answers.fuel", "must be one of the options"],
    [{ plate: "X", colour: "red" }, "answers.colour", "is not a question of this offering"],
  ])("%j is refused", (answers, field, message) => {
    expect(answersFailure("HoldBooking", answers)).toMatchObject({
      details: { [field]: [message] },
    });
  });
});

describe("rules (RULE_VIOLATION)", () => {
  test("a booking starts in the future, whatever the catalog's rules say", () => {
    const request = slotRequest({ start: NOW.toISOString() });
    expect(given([]).when(createSlot("RequestBooking", { request }))).toEqual({
      code: "RULE_VIOLATION",
      message: "The booking must start in the future.",
      details: { rule: "IN_PAST" },
    });
  });

  test.each(["MIN_NOTICE", "CAPACITY", "OFF_GRID"] as const)(
    "the catalog's rule check refuses with %s",
    (rule) => {
      const context = contextFor(STAY, { checkRules: refuseWith(rule) });
      expect(given([]).when(create("HoldBooking", { context }))).toEqual({
        code: "RULE_VIOLATION",
        message: `broken: ${rule}`,
        details: { rule },
      });
    },
  );

  test("the rule check sees the placed request, the named resources and the time", () => {
    const rules = recordingRules();
    given([]).when(
      create("RequestBooking", { context: contextFor(STAY, { checkRules: rules.check }) }),
    );
    expect(rules.calls).toHaveLength(1);
    const [request, context] = rules.calls[0] ?? [];
    expect(request).toMatchObject({ start: stayDetails.start, checkIn: "2027-03-10", guests: 2 });
    expect(context).toMatchObject({
      venue: HOUSE,
      offering: STAY,
      resources: [ROOMS[0]],
      now: NOW,
    });
  });

  test("invalid data is refused before the rules are asked", () => {
    const rules = recordingRules();
    const context = contextFor(STAY, { checkRules: rules.check });
    given([]).when(create("RequestBooking", { context, request: stayRequest({ guests: 0 }) }));
    expect(rules.calls).toHaveLength(0);
  });

  test("the venue's policy decides pending or confirmed, not the offering", () => {
    const context = contextFor(SERVICE, {
      venue: withPolicies(WORKSHOP, { approvalRequired: true }),
    });
    expect(given([]).when(createSlot("RequestBooking", { context }))).toMatchObject([
      { type: "BookingRequested", data: { status: "pending" } },
    ]);
    const house = contextFor(STAY, { venue: withPolicies(HOUSE, { approvalRequired: false }) });
    expect(
      accepted(given([]).when(create("RequestBooking", { context: house }))).map((e) => e.type),
    ).toEqual(["BookingRequested", "BookingConfirmed"]);
  });
});
