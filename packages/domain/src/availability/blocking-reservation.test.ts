import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { toEpochMs } from "./blocking-reservation.ts";

describe("reading reservation instants", () => {
  test("canonical ISO, other ISO forms, numbers and Dates give the same instant", () => {
    const t = Date.UTC(2027, 5, 10, 13, 0, 0, 5);
    expect(toEpochMs("2027-06-10T13:00:00.005Z")).toBe(t);
    expect(toEpochMs("2027-06-10T15:00:00.005+02:00")).toBe(t);
    expect(toEpochMs(t)).toBe(t);
    expect(toEpochMs(new Date(t))).toBe(t);
    expect(toEpochMs("2028-02-29T00:00:00.000Z")).toBe(Date.UTC(2028, 1, 29));
  });

  test("odd canonical-looking strings read exactly as Date.parse reads them", () => {
    for (const text of [
      "2027-02-30T00:00:00.000Z",
      "2027-06-10T24:30:00.000Z",
      "2027-13-10T13:00:00.000Z",
      "2027-06-1xT13:00:00.000Z",
    ]) {
      expect(toEpochMs(text)).toEqual(Date.parse(text));
    }
    expect(toEpochMs("2027-06-1xT13:00:00.000Z")).toBeNaN();
  });

  test("the fast path agrees with Date.parse for any instant 1970–2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (t) => {
        const text = new Date(t).toISOString();
        expect(toEpochMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 1_000 },
    );
  });
});
