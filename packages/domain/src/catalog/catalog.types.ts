/**
 * The catalog as the domain sees it: plain data in the shapes of the public contract
 * (docs/api.md), so values validated at the edge pass straight in. Times of day and dates are
 * local to the venue's time zone; instants are UTC ISO strings.
 */

/** "HH:MM", 00:00–23:59, and "24:00" as the end of a day. */
export type TimeOfDay = string;
/** "YYYY-MM-DD", a calendar date in the venue's time zone. */
export type LocalDate = string;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** [start, end) in local time; never crossing midnight (a night is two intervals). */
export type OpeningInterval = readonly [TimeOfDay, TimeOfDay];
export type OpeningHours = Readonly<Record<Weekday, readonly OpeningInterval[]>>;

/** Local dates, `to` inclusive. */
export interface Closure {
  from: LocalDate;
  to: LocalDate;
  reason?: string;
}

export interface VenuePolicies {
  approvalRequired: boolean;
  holdTtlMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  cancellationNoticeHours: number;
}

export interface Venue {
  id: string;
  name: string;
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO 4217, e.g. "EUR". */
  currency: string;
  openingHours: OpeningHours;
  closures: readonly Closure[];
  policies: VenuePolicies;
}

export interface Resource {
  id: string;
  venueId: string;
  name: string;
  kind: string;
  capacity: number;
  active: boolean;
}

export interface Money {
  /** Integer minor units (cents). */
  amount: number;
  currency: string;
}

export interface StaySettings {
  minNights: number;
  maxNights: number;
  checkInTime: TimeOfDay;
  checkOutTime: TimeOfDay;
  /** Minor units per guest per night; 0 = none. */
  perGuestNightly: number;
}

export interface SlotSettings {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  stepMinutes: number;
}

export interface BookingQuestion {
  key: string;
  label: string;
  type: "text" | "number" | "select";
  required: boolean;
  options?: readonly string[];
  /** Bounds of a number question's answer, both inclusive. */
  min?: number;
  max?: number;
}

interface OfferingBase {
  id: string;
  venueId: string;
  name: string;
  resourceIds: readonly string[];
  /** Per room-night for stays, per appointment for slots. */
  price: Money;
  questions?: readonly BookingQuestion[];
}

export interface StayOffering extends OfferingBase {
  mode: "stay";
  stay: StaySettings;
}

export interface SlotOffering extends OfferingBase {
  mode: "slot";
  slot: SlotSettings;
}

export type Offering = StayOffering | SlotOffering;
