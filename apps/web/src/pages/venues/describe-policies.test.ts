import { describe, expect, test } from "vitest";
import type { Translate } from "../../i18n/i18n-context.tsx";
import { type Language, textOf } from "../../i18n/languages.ts";
import { describePolicies } from "./describe-policies.ts";

const translate =
  (language: Language): Translate =>
  (key, values) =>
    textOf(language, key, values);

const holidayHome = {
  approvalRequired: true,
  holdTtlMinutes: 10,
  minNoticeMinutes: 60,
  maxAdvanceDays: 730,
  cancellationNoticeHours: 48,
};

describe("describePolicies", () => {
  test("in English", () => {
    expect(describePolicies(holidayHome, translate("en"), "en")).toEqual([
      "Book up to 730 days ahead.",
      "Book at least 1 hour before the start.",
      "Bookings need the owner's approval.",
      "Cancel free of charge up to 48 hours before the start.",
    ]);
  });

  test("in German", () => {
    expect(describePolicies(holidayHome, translate("de"), "de")).toEqual([
      "Bis zu 730 Tage im Voraus buchbar.",
      "Mindestens 1 Stunde vor Beginn buchen.",
      "Buchungen müssen vom Betreiber bestätigt werden.",
      "Kostenlos stornierbar bis 48 Stunden vor Beginn.",
    ]);
  });

  test("no notice, no approval, cancel until the start", () => {
    const open = {
      ...holidayHome,
      minNoticeMinutes: 0,
      approvalRequired: false,
      cancellationNoticeHours: 0,
    };
    expect(describePolicies(open, translate("en"), "en").slice(1)).toEqual([
      "Book right up to the start.",
      "Bookings are confirmed at once.",
      "Cancel free of charge until the start.",
    ]);
  });
});
