import type {
  OpeningHours,
  Resource,
  SlotOffering,
  SlotSettings,
  StayOffering,
  StaySettings,
  Venue,
  VenuePolicies,
} from "../catalog/catalog.types.ts";
import type { BlockingReservation } from "./blocking-reservation.ts";

/** Test data: a Berlin holiday home and workshop with small, overridable defaults. */

export const BERLIN = "Europe/Berlin";

export const CLOSED_ALL_WEEK: OpeningHours = {
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

const WORKSHOP_HOURS: OpeningHours = {
  ...CLOSED_ALL_WEEK,
  mon: [["08:00", "17:00"]],
  tue: [["08:00", "17:00"]],
  wed: [["08:00", "17:00"]],
  thu: [["08:00", "17:00"]],
  fri: [["08:00", "17:00"]],
  sat: [["09:00", "13:00"]],
};

export function policies(overrides: Partial<VenuePolicies> = {}): VenuePolicies {
  return {
    approvalRequired: false,
    holdTtlMinutes: 10,
    minNoticeMinutes: 0,
    maxAdvanceDays: 730,
    cancellationNoticeHours: 24,
    ...overrides,
  };
}

export function venue(overrides: Partial<Venue> = {}): Venue {
  return {
    id: "v-1",
    name: "Test venue",
    timeZone: BERLIN,
    currency: "EUR",
    openingHours: WORKSHOP_HOURS,
    closures: [],
    policies: policies(),
    ...overrides,
  };
}

export function resource(id: string, overrides: Partial<Resource> = {}): Resource {
  return { id, venueId: "v-1", name: id, kind: "room", capacity: 2, active: true, ...overrides };
}

export function stayOffering(
  settings: Partial<StaySettings> = {},
  resourceIds: readonly string[] = ["r-1", "r-2"],
): StayOffering {
  return {
    id: "o-stay",
    venueId: "v-1",
    name: "Room",
    mode: "stay",
    resourceIds,
    price: { amount: 4_500, currency: "EUR" },
    stay: {
      minNights: 1,
      maxNights: 14,
      checkInTime: "15:00",
      checkOutTime: "10:00",
      perGuestNightly: 0,
      ...settings,
    },
  };
}

export function slotOffering(
  settings: Partial<SlotSettings> = {},
  resourceIds: readonly string[] = ["b-1", "b-2"],
): SlotOffering {
  return {
    id: "o-slot",
    venueId: "v-1",
    name: "Oil change",
    mode: "slot",
    resourceIds,
    price: { amount: 8_900, currency: "EUR" },
    slot: {
      durationMinutes: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      stepMinutes: 60,
      ...settings,
    },
  };
}

export function reservation(resourceId: string, start: string, end: string): BlockingReservation {
  return { resourceId, start, end };
}

/** A moment long before every date used in the tests, so timing rules stay out of the way. */
export const LONG_BEFORE = new Date("2027-01-01T00:00:00Z");
