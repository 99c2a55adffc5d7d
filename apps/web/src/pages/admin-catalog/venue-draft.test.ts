import type { VenueDto } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { normalTime, readVenueDraft, venueDraft } from "./venue-draft.ts";

const venue: VenueDto = {
  id: "0b4ab5c1-0d7a-4a52-9f0e-1f3c9f5a2b11",
  name: "Kfz-Werkstatt",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  address: { street: "Industriestraße 12", postalCode: "24103", city: "Kiel", country: "DE" },
  location: { lat: 54.32, lng: 10.13 },
  openingHours: {
    mon: [
      ["08:00", "12:00"],
      ["13:00", "24:00"],
    ],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [["09:00", "13:00"]],
    sun: [],
  },
  closures: [{ from: "2027-12-24", to: "2027-12-26", reason: "Weihnachten" }],
  policies: {
    approvalRequired: false,
    holdTtlMinutes: 10,
    minNoticeMinutes: 120,
    maxAdvanceDays: 90,
    cancellationNoticeHours: 24,
  },
};

describe("readVenueDraft", () => {
  test("gives back the venue it was made from", () => {
    const { id: _id, ...input } = venue;
    expect(readVenueDraft(venueDraft(venue, "UTC"))).toEqual({ problems: {}, input });
  });

  test("a new venue leaves address and location out until they are typed", () => {
    const draft = { ...venueDraft(undefined, "Europe/Berlin"), name: " Studio " };
    const { input } = readVenueDraft(draft);
    expect(input?.name).toBe("Studio");
    expect(input?.timeZone).toBe("Europe/Berlin");
    expect(input).not.toHaveProperty("address");
    expect(input).not.toHaveProperty("location");
    expect(input?.openingHours.mon).toEqual([["09:00", "17:00"]]);
    expect(input?.openingHours.sun).toEqual([]);
  });

  test("names each problem by the api's path", () => {
    const draft = venueDraft(venue, "UTC");
    draft.name = "";
    draft.city = "";
    draft.lat = "north";
    draft.lng = "200";
    draft.openingHours.mon = [
      { from: "12:00", to: "08:00" },
      { from: "25:00", to: "26:00" },
    ];
    draft.closures = [{ from: "2027-12-26", to: "2027-12-24", reason: "" }];
    draft.maxAdvanceDays = "731";
    draft.minNoticeMinutes = "1.5";
    expect(readVenueDraft(draft)).toEqual({
      problems: {
        name: { key: "validation.required" },
        "address.city": { key: "adminCatalog.problem.addressPart" },
        "location.lat": { key: "adminCatalog.problem.number" },
        "location.lng": {
          key: "adminCatalog.problem.between",
          values: { min: -180, max: 180 },
        },
        "openingHours.mon.0": { key: "adminCatalog.problem.endBeforeStart" },
        "openingHours.mon.1.0": { key: "adminCatalog.problem.time" },
        "closures.0.to": { key: "adminCatalog.problem.closureOrder" },
        "policies.maxAdvanceDays": { key: "adminCatalog.problem.atMost", values: { max: 730 } },
        "policies.minNoticeMinutes": { key: "adminCatalog.problem.wholeNumber" },
      },
    });
  });

  test("24:00 ends a day but does not start one", () => {
    const draft = venueDraft(venue, "UTC");
    draft.openingHours.tue = [{ from: "24:00", to: "24:00" }];
    expect(readVenueDraft(draft).problems).toEqual({
      "openingHours.tue.0.0": { key: "adminCatalog.problem.time" },
    });
  });
});

test("normalTime pads the hour and accepts a dot", () => {
  expect(normalTime("9:30")).toBe("09:30");
  expect(normalTime(" 9.30 ")).toBe("09:30");
  expect(normalTime("24:00")).toBe("24:00");
});
