import type {
  Offering,
  Resource,
  SlotOffering,
  StayOffering,
  Venue,
} from "../catalog/catalog.types.ts";
import { foldEvents } from "../decider/decider.ts";
import type { BookingActor } from "./booking.actor.ts";
import type { BookingCommand, HoldBooking, RequestBooking } from "./booking.commands.ts";
import { bookingDecider, decideBooking } from "./booking.decider.ts";
import type { BookingFailure } from "./booking.errors.ts";
import type { BookingEvent } from "./booking.events.ts";
import type {
  BookedBy,
  BookingPlacement,
  BookingRequest,
  GuestContact,
} from "./booking.request.ts";
import type {
  BookingContext,
  BookingQuote,
  BookingRuleCheck,
  BookingRuleContext,
} from "./booking.rule-check.ts";
import type { BookingState } from "./booking.state.ts";

// Shared given/when/then vocabulary for the booking decider tests: a holiday home that wants
// approval (Europe/Berlin, 48 h notice) and a workshop that does not (24 h notice).

export const NOW = new Date("2027-03-01T10:00:00Z");
export const EARLIER = new Date("2027-02-28T10:00:00Z");
export const minutesAfter = (date: Date, minutes: number) =>
  new Date(date.getTime() + minutes * 60_000);

export const HOUSE: Venue = {
  id: "v-house",
  name: "Ferienhaus",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closures: [],
  policies: {
    approvalRequired: true,
    holdTtlMinutes: 10,
    minNoticeMinutes: 0,
    maxAdvanceDays: 365,
    cancellationNoticeHours: 48,
  },
};
export const WORKSHOP: Venue = {
  ...HOUSE,
  id: "v-workshop",
  name: "Werkstatt",
  policies: { ...HOUSE.policies, approvalRequired: false, cancellationNoticeHours: 24 },
};
export const withPolicies = (venue: Venue, policies: Partial<Venue["policies"]>): Venue => ({
  ...venue,
  policies: { ...venue.policies, ...policies },
});

const resource = (id: string, venueId: string, active = true): Resource => ({
  id,
  venueId,
  name: id,
  kind: "room",
  capacity: 4,
  active,
});
export const ROOMS = [
  resource("r1", HOUSE.id),
  resource("r2", HOUSE.id),
  resource("r3", HOUSE.id, false),
];
export const BAYS = [resource("b1", WORKSHOP.id), resource("b2", WORKSHOP.id)];

export const STAY: StayOffering = {
  id: "o-stay",
  venueId: HOUSE.id,
  name: "Room",
  mode: "stay",
  resourceIds: ["r1", "r2", "r3"],
  price: { amount: 5000, currency: "EUR" },
  stay: {
    minNights: 1,
    maxNights: 14,
    checkInTime: "15:00",
    checkOutTime: "10:00",
    perGuestNightly: 0,
  },
};
export const SERVICE: SlotOffering = {
  id: "o-service",
  venueId: WORKSHOP.id,
  name: "Inspection",
  mode: "slot",
  resourceIds: ["b1", "b2"],
  price: { amount: 8900, currency: "EUR" },
  slot: { durationMinutes: 60, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, stepMinutes: 15 },
  questions: [
    { key: "plate", label: "Licence plate", type: "text", required: true },
    { key: "mileage", label: "Mileage", type: "number", required: false, min: 0, max: 2_000_000 },
    { key: "fuel", label: "Fuel", type: "select", required: false, options: ["petrol", "diesel"] },
  ],
};

/** Rule-check doubles: the real rules are availability's; the decider only composes them. */
const noRules: BookingRuleCheck = () => null;
export const refuseWith =
  (rule: "MIN_NOTICE" | "CAPACITY" | "OFF_GRID"): BookingRuleCheck =>
  () => ({ rule, message: `broken: ${rule}` });
export function recordingRules(): {
  check: BookingRuleCheck;
  calls: [BookingPlacement, BookingRuleContext][];
} {
  const calls: [BookingPlacement, BookingRuleContext][] = [];
  const check: BookingRuleCheck = (request, context) => {
    calls.push([request, context]);
    return null;
  };
  return { calls, check };
}
/** Per started day and resource, so moves and extensions change the price visibly. */
const dayRateQuote: BookingQuote = (request, { offering }) => {
  const days = Math.ceil((Date.parse(request.end) - Date.parse(request.start)) / 86_400_000);
  return {
    amount: offering.price.amount * days * request.resourceIds.length,
    currency: offering.price.currency,
  };
};

export function contextFor(
  offering: Offering,
  overrides: Partial<BookingContext> = {},
): BookingContext {
  const stay = offering.mode === "stay";
  return {
    venue: stay ? HOUSE : WORKSHOP,
    offering,
    resources: stay ? ROOMS : BAYS,
    checkRules: noRules,
    quote: dayRateQuote,
    ...overrides,
  };
}

export const MEMBER_ID = "u-member";
export const BOOKING_ID = "b-1";
export const asMember: BookingActor = { userId: MEMBER_ID, role: "member" };
export const asOtherMember: BookingActor = { userId: "u-other", role: "member" };
export const asAdmin: BookingActor = { userId: "u-admin", role: "admin" };
export const asOwner: BookingActor = { userId: "u-owner", role: "owner" };
export const asSystem: BookingActor = { system: true };
export const asGuest: BookingActor = { guest: true, bookingId: BOOKING_ID };
export const GUEST: GuestContact = {
  name: "Grete Gast",
  email: "grete@example.org",
  phone: "+49 30 1",
};
export const byMember: BookedBy = { userId: MEMBER_ID };

/** Three nights in the house; Berlin is on CET (UTC+1) then. */
export const stayRequest = (overrides: Partial<BookingRequest> = {}): BookingRequest => ({
  offeringId: STAY.id,
  resourceIds: ["r1"],
  checkIn: "2027-03-10",
  checkOut: "2027-03-13",
  guests: 2,
  ...overrides,
});
/** One hour at the workshop, Wednesday 10:00 Berlin time. */
export const slotRequest = (overrides: Partial<BookingRequest> = {}): BookingRequest => ({
  offeringId: SERVICE.id,
  resourceIds: ["b1"],
  start: "2027-03-03T09:00:00Z",
  guests: 1,
  ...overrides,
});

type CreateType = "HoldBooking" | "RequestBooking";
export function create(
  type: CreateType,
  overrides: Partial<Omit<HoldBooking, "type">> = {},
): HoldBooking | RequestBooking {
  return {
    type,
    bookingId: BOOKING_ID,
    actor: asMember,
    request: stayRequest(),
    bookedBy: byMember,
    context: contextFor(STAY),
    ...overrides,
  };
}
export function createSlot(type: CreateType, overrides: Partial<Omit<HoldBooking, "type">> = {}) {
  return create(type, {
    actor: asGuest,
    bookedBy: { guest: GUEST },
    request: slotRequest(),
    answers: { plate: "B-AB 123" },
    context: contextFor(SERVICE),
    ...overrides,
  });
}

/** The events of an accepted decision; a refusal fails the test with the failure shown. */
export function accepted(result: BookingEvent[] | BookingFailure): BookingEvent[] {
  if (!Array.isArray(result)) throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return result;
}

export function stateOf(events: readonly BookingEvent[]): BookingState {
  return foldEvents(bookingDecider, events);
}

/** Runs commands in order at `at`, each on the state the previous ones left. */
export function historyOf(steps: [BookingCommand, Date][]): BookingEvent[] {
  const events: BookingEvent[] = [];
  for (const [command, at] of steps)
    events.push(...accepted(decideBooking(command, stateOf(events), at)));
  return events;
}

const confirm: BookingCommand = { type: "ConfirmBooking", bookingId: BOOKING_ID, actor: asAdmin };
/** Histories of booking b-1, decided at EARLIER. */
export const history = {
  heldStay: () => historyOf([[create("HoldBooking"), EARLIER]]),
  pendingStay: () => historyOf([[create("RequestBooking"), EARLIER]]),
  confirmedStay: () =>
    historyOf([
      [create("RequestBooking"), EARLIER],
      [confirm, EARLIER],
    ]),
  heldSlot: () => historyOf([[createSlot("HoldBooking"), EARLIER]]),
  confirmedSlot: () => historyOf([[createSlot("RequestBooking"), EARLIER]]),
  memberSlot: () =>
    historyOf([[createSlot("RequestBooking", { actor: asMember, bookedBy: byMember }), EARLIER]]),
};

/** Given a history, when a command is decided at `now`: the events or the failure. */
export function given(events: readonly BookingEvent[]): {
  when: (command: BookingCommand, now?: Date) => BookingEvent[] | BookingFailure;
} {
  return { when: (command, now = NOW) => decideBooking(command, stateOf(events), now) };
}
