import * as contract from "@booking/contracts";
import * as domain from "@booking/domain";
import { describe, expect, test } from "vitest";

/**
 * The public contract (zod schemas) and the domain (deciders) may not import each other, yet
 * both name the same statuses and limits. The api depends on both, so it holds them to
 * each other here: a value changed on one side only fails this test.
 */
describe("the domain and the contract agree", () => {
  test("on the lists of statuses, roles, languages and weekdays, in the same order", () => {
    expect(contract.bookingStatusSchema.options).toEqual([...domain.BOOKING_STATUSES]);
    expect(contract.userStatusSchema.options).toEqual([...domain.USER_STATUSES]);
    expect(contract.roleSchema.options).toEqual([...domain.USER_ROLES]);
    expect(contract.languageSchema.options).toEqual([...domain.USER_LANGUAGES]);
    expect(Object.keys(contract.openingHoursSchema.shape)).toEqual([...domain.WEEKDAYS]);
  });

  test("on the kinds of notification, in the same order", () => {
    // The domain decides which mails a booking owes; GET /notifications reports them by kind.
    expect(contract.notificationKindSchema.options).toEqual([...domain.NOTIFICATION_KINDS]);
  });

  test("on the length limits of names, e-mail addresses, phones and free text", () => {
    expect(domain.USER_NAME_MAX_LENGTH).toBe(contract.NAME_MAX_LENGTH);
    expect(domain.USER_EMAIL_MAX_LENGTH).toBe(contract.EMAIL_MAX_LENGTH);
    expect(domain.USER_PHONE_MAX_LENGTH).toBe(contract.PHONE_MAX_LENGTH);
    expect(domain.TEXT_MAX_LENGTH).toBe(contract.TEXT_MAX_LENGTH);
  });

  test("on the party size: the schema lets every size the GUESTS rule judges reach it", () => {
    // The schema is wider on purpose: 21 guests is a business rule's 422, not a 400.
    expect(contract.GUESTS_INPUT_MIN).toBe(domain.GUESTS_MIN);
    expect(contract.GUESTS_INPUT_MAX).toBeGreaterThanOrEqual(domain.GUESTS_MAX);
  });
});
