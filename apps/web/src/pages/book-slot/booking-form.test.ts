import { TRPCClientError } from "@trpc/client";
import { describe, expect, test } from "vitest";
import {
  answerProblems,
  answersToSend,
  guestProblems,
  type Question,
  refusalOf,
  serverProblems,
} from "./booking-form.ts";

const questions: Question[] = [
  { key: "plate", label: "Plate", type: "text", required: true },
  { key: "mileage", label: "Mileage", type: "number", required: false },
  { key: "oil", label: "Oil", type: "select", required: true, options: ["5W-30", "0W-20"] },
];

function refused(appCode: string, details?: Record<string, unknown>) {
  const error = new TRPCClientError<never>("refused");
  Object.assign(error, { data: { appCode, details, requestId: "r1" } });
  return error;
}

describe("the booking form", () => {
  test("required answers and numbers are checked before sending", () => {
    expect(answerProblems(questions, { mileage: "many" })).toEqual({
      "answers.plate": { key: "validation.required" },
      "answers.mileage": { key: "bookSlot.number" },
      "answers.oil": { key: "validation.required" },
    });
    expect(answerProblems(questions, { plate: "KI-AB 1", oil: "0W-20", mileage: "48,5" })).toEqual(
      {},
    );
  });

  test("answers are sent typed, blank ones left out", () => {
    expect(answersToSend(questions, { plate: " KI-AB 1 ", mileage: "48,5", oil: "" })).toEqual({
      plate: "KI-AB 1",
      mileage: 48.5,
    });
  });

  test("a guest needs a name, an e-mail address and a phone number", () => {
    expect(guestProblems({ name: " ", email: "nope", phone: "call me", language: "de" })).toEqual({
      "guest.name": { key: "validation.required" },
      "guest.email": { key: "validation.email" },
      "guest.phone": { key: "validation.phone" },
    });
    expect(
      guestProblems({ name: "Gina", email: "g@x.example", phone: "+49 431 1", language: "en" }),
    ).toEqual({});
  });

  test("the api's field details go beside their fields", () => {
    expect(
      serverProblems(
        refused("VALIDATION_FAILED", { "answers.plate": ["is required"], notes: ["too long"] }),
      ),
    ).toEqual({
      "answers.plate": { key: "validation.required" },
      notes: { key: "bookSlot.fieldInvalid", values: { message: "too long" } },
    });
    expect(serverProblems(refused("SLOT_UNAVAILABLE"))).toEqual({});
  });

  test("refusals become what they mean for the booker", () => {
    expect(refusalOf(refused("SLOT_UNAVAILABLE", { resourceIds: [] }))).toEqual({ kind: "taken" });
    expect(refusalOf(refused("RULE_VIOLATION", { rule: "HOLD_EXPIRED" }))).toEqual({
      kind: "expired",
    });
    expect(refusalOf(refused("RULE_VIOLATION", { rule: "MIN_NOTICE" }))).toEqual({
      kind: "text",
      text: { key: "bookSlot.rule.MIN_NOTICE" },
    });
    expect(refusalOf(refused("RULE_VIOLATION", { rule: "SOMETHING_NEW" }))).toEqual({
      kind: "text",
      text: { key: "bookSlot.rule.other", values: { message: "refused" } },
    });
    expect(refusalOf(refused("INVALID_STATE"))).toEqual({ kind: "other" });
    expect(refusalOf(new Error("offline"))).toEqual({ kind: "other" });
  });
});
