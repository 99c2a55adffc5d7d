import { describe, expect, test } from "vitest";
import { validateLoginSearch, validateVenueSearch } from "./search-params.ts";

describe("validateVenueSearch", () => {
  test("keeps a postal code prefix and coordinates", () => {
    expect(validateVenueSearch({ postalCode: " 243 ", near: "54.16,10.42" })).toEqual({
      postalCode: "243",
      near: "54.16,10.42",
    });
  });

  test("drops what the api would refuse", () => {
    expect(validateVenueSearch({ postalCode: "", near: "here" })).toEqual({});
    expect(validateVenueSearch({ postalCode: "x".repeat(21) })).toEqual({});
    expect(validateVenueSearch({ near: "54.1" })).toEqual({});
  });
});

describe("validateLoginSearch", () => {
  test("keeps a text `next` only", () => {
    expect(validateLoginSearch({ next: "/admin" })).toEqual({ next: "/admin" });
    expect(validateLoginSearch({ next: 3 })).toEqual({});
  });
});
