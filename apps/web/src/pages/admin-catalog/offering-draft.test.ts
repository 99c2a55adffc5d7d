import type { OfferingDto } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { emptyQuestion, offeringDraft, readOfferingDraft } from "./offering-draft.ts";

const bay = "5d1c1f43-3a4c-4c8e-9b7e-2f1d8f6a9c01";
const service: OfferingDto = {
  id: "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  venueId: "0b4ab5c1-0d7a-4a52-9f0e-1f3c9f5a2b11",
  name: "Reifenwechsel",
  mode: "slot",
  resourceIds: [bay],
  price: { amount: 4950, currency: "EUR" },
  slot: { durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, stepMinutes: 15 },
  questions: [
    { key: "make", label: "Marke", type: "text", required: true },
    {
      key: "tyres",
      label: "Reifen",
      type: "select",
      required: false,
      options: ["Sommer", "Winter"],
    },
  ],
};

describe("readOfferingDraft", () => {
  test("gives back the offering it was made from, the price read in major units", () => {
    const draft = offeringDraft(service, "EUR", "de-DE");
    expect(draft.price).toBe("49,50");
    const { id: _id, venueId: _venueId, ...input } = service;
    expect(readOfferingDraft(draft, "EUR")).toEqual({ problems: {}, input });
  });

  test("a stay sends its stay settings only, amounts in minor units", () => {
    const draft = {
      ...offeringDraft(undefined, "JPY", "en-GB"),
      name: "Room",
      mode: "stay" as const,
      price: "12000",
      perGuestNightly: "500",
      resourceIds: [bay],
    };
    expect(readOfferingDraft(draft, "JPY").input).toEqual({
      name: "Room",
      mode: "stay",
      price: { amount: 12000, currency: "JPY" },
      resourceIds: [bay],
      stay: {
        minNights: 1,
        maxNights: 14,
        checkInTime: "15:00",
        checkOutTime: "10:00",
        perGuestNightly: 500,
      },
      questions: [],
    });
  });

  test("new questions get keys from their labels, distinct from the saved ones", () => {
    const draft = offeringDraft(service, "EUR", "en-GB");
    draft.questions.push({ ...emptyQuestion(), label: "Marke" });
    draft.questions.push({
      ...emptyQuestion(),
      label: "Fahrzeug-Typ",
      type: "select",
      options: "PKW\n\n Transporter ",
    });
    const questions = readOfferingDraft(draft, "EUR").input?.questions;
    expect(questions?.slice(2)).toEqual([
      { key: "marke", label: "Marke", type: "text", required: false },
      {
        key: "fahrzeugTyp",
        label: "Fahrzeug-Typ",
        type: "select",
        required: false,
        options: ["PKW", "Transporter"],
      },
    ]);
  });

  test("names each problem by the api's path", () => {
    const draft = offeringDraft(service, "EUR", "en-GB");
    draft.name = " ";
    draft.price = "-5";
    draft.resourceIds = [];
    draft.stepMinutes = "";
    draft.questions = [{ ...emptyQuestion(), type: "select" }];
    expect(readOfferingDraft(draft, "EUR")).toEqual({
      problems: {
        name: { key: "validation.required" },
        "price.amount": { key: "adminCatalog.problem.negativePrice" },
        resourceIds: { key: "adminCatalog.problem.noResource" },
        "slot.stepMinutes": { key: "validation.required" },
        "questions.0.label": { key: "validation.required" },
        "questions.0.options": { key: "adminCatalog.problem.options" },
      },
    });
  });

  test("a number question sends the bounds typed, and only those", () => {
    const draft = offeringDraft(service, "EUR", "en-GB");
    draft.questions = [
      { ...emptyQuestion(), label: "Kilometerstand", type: "number", min: "0", max: "" },
      { ...emptyQuestion(), label: "Gewicht", type: "number", min: "2,5", max: "1" },
      { ...emptyQuestion(), label: "Farbe", type: "text", min: "3" },
    ];
    expect(readOfferingDraft(draft, "EUR").problems).toEqual({
      "questions.1.max": { key: "adminCatalog.problem.maxBelowMin" },
    });
    draft.questions[1] = { ...emptyQuestion(), label: "Gewicht", type: "number", min: "2,5" };
    expect(readOfferingDraft(draft, "EUR").input?.questions).toEqual([
      { key: "kilometerstand", label: "Kilometerstand", type: "number", required: false, min: 0 },
      { key: "gewicht", label: "Gewicht", type: "number", required: false, min: 2.5 },
      { key: "farbe", label: "Farbe", type: "text", required: false },
    ]);
  });

  test("a price with more decimals than the currency has is unreadable", () => {
    const draft = { ...offeringDraft(service, "EUR", "en-GB"), price: "49.999" };
    expect(readOfferingDraft(draft, "EUR").problems).toEqual({
      "price.amount": { key: "adminCatalog.problem.price" },
    });
  });
});
