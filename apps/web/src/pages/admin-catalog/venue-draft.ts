import type { VenueDto } from "@booking/contracts";
import type { Problems } from "./problems.ts";
import { type Weekday, weekdays } from "./weekdays.ts";
import { readWholeNumber } from "./whole-number.ts";

export interface IntervalDraft {
  from: string;
  to: string;
}

export interface ClosureDraft {
  from: string;
  to: string;
  reason: string;
}

/** A venue as its form holds it: every number still the text that was typed. */
export interface VenueDraft {
  name: string;
  timeZone: string;
  currency: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  lat: string;
  lng: string;
  openingHours: Record<Weekday, IntervalDraft[]>;
  closures: ClosureDraft[];
  approvalRequired: boolean;
  holdTtlMinutes: string;
  minNoticeMinutes: string;
  maxAdvanceDays: string;
  cancellationNoticeHours: string;
}

export type VenueInput = Omit<VenueDto, "id">;

// The contract's bounds of each policy (packages/contracts, venue.schemas.ts).
export const policyBounds = {
  holdTtlMinutes: { min: 1, max: 24 * 60 },
  minNoticeMinutes: { min: 0, max: 365 * 24 * 60 },
  maxAdvanceDays: { min: 1, max: 730 },
  cancellationNoticeHours: { min: 0, max: 365 * 24 },
} as const;
export type PolicyNumber = keyof typeof policyBounds;

const nineToFive = (): IntervalDraft[] => [{ from: "09:00", to: "17:00" }];

/** The form's start: the venue as it is, or a new one open on weekdays from 9 to 5. */
export function venueDraft(venue: VenueDto | undefined, defaultTimeZone: string): VenueDraft {
  if (!venue) {
    return {
      name: "",
      timeZone: defaultTimeZone,
      currency: "EUR",
      street: "",
      postalCode: "",
      city: "",
      country: "",
      lat: "",
      lng: "",
      openingHours: {
        mon: nineToFive(),
        tue: nineToFive(),
        wed: nineToFive(),
        thu: nineToFive(),
        fri: nineToFive(),
        sat: [],
        sun: [],
      },
      closures: [],
      approvalRequired: false,
      holdTtlMinutes: "10",
      minNoticeMinutes: "60",
      maxAdvanceDays: "180",
      cancellationNoticeHours: "24",
    };
  }
  return {
    name: venue.name,
    timeZone: venue.timeZone,
    currency: venue.currency,
    street: venue.address?.street ?? "",
    postalCode: venue.address?.postalCode ?? "",
    city: venue.address?.city ?? "",
    country: venue.address?.country ?? "",
    lat: venue.location ? String(venue.location.lat) : "",
    lng: venue.location ? String(venue.location.lng) : "",
    openingHours: Object.fromEntries(
      weekdays.map((day) => [day, venue.openingHours[day].map(([from, to]) => ({ from, to }))]),
    ) as Record<Weekday, IntervalDraft[]>,
    closures: venue.closures.map((closure) => ({
      from: closure.from,
      to: closure.to,
      reason: closure.reason ?? "",
    })),
    approvalRequired: venue.policies.approvalRequired,
    holdTtlMinutes: String(venue.policies.holdTtlMinutes),
    minNoticeMinutes: String(venue.policies.minNoticeMinutes),
    maxAdvanceDays: String(venue.policies.maxAdvanceDays),
    cancellationNoticeHours: String(venue.policies.cancellationNoticeHours),
  };
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
};

/** "9:00" → "09:00", as people type times and the api wants them. */
export function normalTime(text: string): string {
  const trimmed = text.trim().replace(".", ":");
  return /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

/**
 * The body for the api, or the problems the form finds itself by the api's field paths.
 * The obvious is checked here, in the reader's language and at once; overlapping
 * intervals and everything else are left to the api, whose refusal lands at the same paths.
 */
export function readVenueDraft(draft: VenueDraft): { input?: VenueInput; problems: Problems } {
  const problems: Problems = {};
  const name = draft.name.trim();
  if (name === "") problems.name = { key: "validation.required" };

  const addressParts = {
    street: draft.street.trim(),
    postalCode: draft.postalCode.trim(),
    city: draft.city.trim(),
    country: draft.country.trim().toUpperCase(),
  };
  const anyAddress = Object.values(addressParts).some((part) => part !== "");
  if (anyAddress) {
    for (const [part, value] of Object.entries(addressParts)) {
      if (value === "") problems[`address.${part}`] = { key: "adminCatalog.problem.addressPart" };
    }
    if (addressParts.country !== "" && !/^[A-Z]{2}$/.test(addressParts.country)) {
      problems["address.country"] = { key: "adminCatalog.problem.country" };
    }
  }

  const location = readLocation(draft, problems);

  const openingHours = {} as VenueInput["openingHours"];
  for (const day of weekdays) {
    openingHours[day] = draft.openingHours[day].map((interval, index) => {
      const from = normalTime(interval.from);
      const to = normalTime(interval.to);
      const path = `openingHours.${day}.${index}`;
      if (!timePattern.test(from) || from === "24:00") {
        problems[`${path}.0`] = { key: "adminCatalog.problem.time" };
      } else if (!timePattern.test(to)) {
        problems[`${path}.1`] = { key: "adminCatalog.problem.time" };
      } else if (minutesOf(to) <= minutesOf(from)) {
        problems[path] = { key: "adminCatalog.problem.endBeforeStart" };
      }
      return [from, to] as [string, string];
    });
  }

  const closures = draft.closures.map((closure, index) => {
    const path = `closures.${index}`;
    if (!datePattern.test(closure.from)) problems[`${path}.from`] = { key: "validation.required" };
    if (!datePattern.test(closure.to)) problems[`${path}.to`] = { key: "validation.required" };
    else if (datePattern.test(closure.from) && closure.to < closure.from) {
      problems[`${path}.to`] = { key: "adminCatalog.problem.closureOrder" };
    }
    const reason = closure.reason.trim();
    return { from: closure.from, to: closure.to, ...(reason ? { reason } : {}) };
  });

  const policyNumbers = {} as Record<PolicyNumber, number>;
  for (const field of Object.keys(policyBounds) as PolicyNumber[]) {
    const read = readWholeNumber(draft[field], policyBounds[field]);
    if ("problem" in read) problems[`policies.${field}`] = read.problem;
    else policyNumbers[field] = read.value;
  }

  if (Object.keys(problems).length > 0) return { problems };
  return {
    problems,
    input: {
      name,
      timeZone: draft.timeZone,
      currency: draft.currency,
      ...(anyAddress ? { address: addressParts } : {}),
      ...(location ? { location } : {}),
      openingHours,
      closures,
      policies: { approvalRequired: draft.approvalRequired, ...policyNumbers },
    },
  };
}

function readLocation(draft: VenueDraft, problems: Problems) {
  const lat = draft.lat.trim().replace(",", ".");
  const lng = draft.lng.trim().replace(",", ".");
  if (lat === "" && lng === "") return undefined;
  const read = (text: string, limit: number, field: "lat" | "lng") => {
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) {
      problems[`location.${field}`] = { key: "adminCatalog.problem.number" };
    } else if (Math.abs(value) > limit) {
      problems[`location.${field}`] = {
        key: "adminCatalog.problem.between",
        values: { min: -limit, max: limit },
      };
    }
    return value;
  };
  return { lat: read(lat, 90, "lat"), lng: read(lng, 180, "lng") };
}
