import { expect } from "vitest";
import type { restClient } from "./http-client.ts";

type Call = ReturnType<typeof restClient>;

const closed: [string, string][] = [];
const weekday: [string, string][] = [["08:00", "17:00"]];

/** A workshop as in the demo: Mon–Fri 08–17, Sat 09–13, Europe/Berlin, EUR. */
export function workshopVenue(overrides: Record<string, unknown> = {}) {
  return {
    name: "Werkstatt Müller",
    timeZone: "Europe/Berlin",
    currency: "EUR",
    address: { street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" },
    location: { lat: 52.532, lng: 13.384 },
    openingHours: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: [["09:00", "13:00"]],
      sun: closed,
    },
    closures: [],
    policies: {
      approvalRequired: false,
      holdTtlMinutes: 10,
      minNoticeMinutes: 60,
      maxAdvanceDays: 90,
      cancellationNoticeHours: 24,
    },
    ...overrides,
  };
}

export async function createVenue(
  call: Call,
  token: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await call<{ venue: { id: string } }>("POST", "/venues", {
    token,
    body: workshopVenue(overrides),
  });
  expect(response.status).toBe(201);
  return response.body.venue.id;
}

export async function createResource(call: Call, token: string, venueId: string, name = "Bay 1") {
  const response = await call<{ resource: { id: string } }>(
    "POST",
    `/venues/${venueId}/resources`,
    {
      token,
      body: { name, kind: "bay", capacity: 1 },
    },
  );
  expect(response.status).toBe(201);
  return response.body.resource.id;
}

export function slotOffering(resourceIds: string[]) {
  return {
    name: "Inspection",
    mode: "slot",
    resourceIds,
    price: { amount: 8900, currency: "EUR" },
    slot: { durationMinutes: 60, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, stepMinutes: 15 },
  };
}

/** The holiday home of the demo: approval required, stays of 1–14 nights. */
export function holidayHome(overrides: Record<string, unknown> = {}) {
  return workshopVenue({
    name: "Ferienhaus am See",
    openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    policies: {
      approvalRequired: true,
      holdTtlMinutes: 10,
      minNoticeMinutes: 0,
      maxAdvanceDays: 730,
      cancellationNoticeHours: 48,
    },
    ...overrides,
  });
}

/** A holiday home without approval, notice or cancellation rules: bookings confirm at once. */
export const openHouse = {
  policies: {
    approvalRequired: false,
    holdTtlMinutes: 10,
    minNoticeMinutes: 0,
    maxAdvanceDays: 730,
    cancellationNoticeHours: 0,
  },
};

export function stayOffering(resourceIds: string[]) {
  return {
    name: "Zimmer",
    mode: "stay",
    resourceIds,
    price: { amount: 4500, currency: "EUR" },
    stay: { minNights: 1, maxNights: 14, perGuestNightly: 500 },
  };
}

/** A venue with `count` resources and one offering over all of them. */
export async function venueWithOffering(
  call: Call,
  token: string,
  kind: "slot" | "stay",
  count: number,
  venueOverrides: Record<string, unknown> = {},
) {
  const venueId = await createVenue(
    call,
    token,
    kind === "stay" ? holidayHome(venueOverrides) : workshopVenue(venueOverrides),
  );
  const resourceIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const response = await call<{ resource: { id: string } }>(
      "POST",
      `/venues/${venueId}/resources`,
      {
        token,
        body: {
          name: `${kind === "stay" ? "Room" : "Bay"} ${i}`,
          kind: kind === "stay" ? "room" : "bay",
          capacity: kind === "stay" ? 4 : 1,
        },
      },
    );
    resourceIds.push(response.body.resource.id);
  }
  const offering = await call<{ offering: { id: string } }>(
    "POST",
    `/venues/${venueId}/offerings`,
    {
      token,
      body: kind === "stay" ? stayOffering(resourceIds) : slotOffering(resourceIds),
    },
  );
  expect(offering.status).toBe(201);
  return { venueId, resourceIds, offeringId: offering.body.offering.id };
}

/**
 * A workshop (one bay) with a service that asks a required licence plate and an optional
 * mileage: the booking questions whose answers are personal data.
 */
export async function serviceWithQuestions(call: Call, token: string) {
  const { venueId, resourceIds } = await venueWithOffering(call, token, "slot", 1);
  const offering = await call<{ offering: { id: string } }>(
    "POST",
    `/venues/${venueId}/offerings`,
    {
      token,
      body: {
        name: "Service",
        mode: "slot",
        resourceIds,
        price: { amount: 5000, currency: "EUR" },
        slot: {
          durationMinutes: 60,
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
          stepMinutes: 15,
        },
        questions: [
          { key: "plate", label: "Licence plate", type: "text", required: true },
          { key: "mileage", label: "Mileage", type: "number", required: false },
        ],
      },
    },
  );
  expect(offering.status).toBe(201);
  return { venueId, resourceIds, offeringId: offering.body.offering.id };
}
