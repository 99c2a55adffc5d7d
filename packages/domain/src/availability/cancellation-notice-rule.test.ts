import { describe, expect, test } from "vitest";
import { policies, venue } from "./availability.fixtures.ts";
import { checkCancellationNotice } from "./cancellation-notice-rule.ts";

const START = "2027-06-10T08:00:00Z";
const VENUE = venue({ policies: policies({ cancellationNoticeHours: 24 }) });

describe("cancellation notice", () => {
  test("given 24 hours' notice, when cancelling earlier or exactly at the limit, then it passes", () => {
    expect(checkCancellationNotice(VENUE, START, new Date("2027-06-08T08:00:00Z"))).toBeNull();
    expect(checkCancellationNotice(VENUE, START, new Date("2027-06-09T08:00:00Z"))).toBeNull();
  });

  test("when cancelling later than that, then CANCELLATION_NOTICE", () => {
    expect(checkCancellationNotice(VENUE, START, new Date("2027-06-09T08:00:01Z"))).toEqual({
      code: "RULE_VIOLATION",
      message: "Cancellations need at least 24 hours' notice.",
      details: { rule: "CANCELLATION_NOTICE" },
    });
    expect(
      checkCancellationNotice(VENUE, START, new Date("2027-06-11T08:00:00Z"))?.details.rule,
    ).toBe("CANCELLATION_NOTICE");
  });

  test("given no notice required, then any time before the start passes", () => {
    const lenient = venue({ policies: policies({ cancellationNoticeHours: 0 }) });
    expect(checkCancellationNotice(lenient, START, new Date("2027-06-10T07:59:00Z"))).toBeNull();
  });
});
