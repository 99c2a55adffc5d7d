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
