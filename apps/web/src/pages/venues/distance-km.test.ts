import { describe, expect, test } from "vitest";
import { distanceKm, nearParam, parseLatLng } from "./distance-km.ts";

describe("distanceKm", () => {
  test("Plön to Kiel is about 25 km", () => {
    expect(distanceKm({ lat: 54.16, lng: 10.42 }, { lat: 54.32, lng: 10.13 })).toBeCloseTo(25.6, 0);
  });

  test("a place to itself is 0", () => {
    expect(distanceKm({ lat: 1, lng: 2 }, { lat: 1, lng: 2 })).toBe(0);
  });
});

describe("nearParam", () => {
  test("rounds to three decimals and reads back", () => {
    expect(nearParam({ lat: 54.123456, lng: -10.98765 })).toBe("54.123,-10.988");
    expect(parseLatLng("54.123,-10.988")).toEqual({ lat: 54.123, lng: -10.988 });
  });
});
