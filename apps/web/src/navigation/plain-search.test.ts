import { describe, expect, test } from "vitest";
import { parsePlainSearch, stringifyPlainSearch } from "./plain-search.ts";

describe("plain search params", () => {
  test("a postal code stays text both ways", () => {
    expect(stringifyPlainSearch({ postalCode: "01067" })).toBe("?postalCode=01067");
    expect(parsePlainSearch("?postalCode=24306")).toEqual({ postalCode: "24306" });
  });

  test("empty values are left out, and no values make no question mark", () => {
    expect(stringifyPlainSearch({ postalCode: "", near: undefined })).toBe("");
  });

  test("round-trips coordinates and paths", () => {
    const search = { near: "54.16,10.42", next: "/admin?x=1" };
    expect(parsePlainSearch(stringifyPlainSearch(search))).toEqual(search);
  });
});
