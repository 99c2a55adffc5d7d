import { expect, test } from "vitest";
import { interpolate, placeholders } from "./interpolate.ts";

test("fills placeholders with strings and numbers", () => {
  expect(interpolate("{applied} applied, {pending} pending", { applied: 7, pending: 0 })).toBe(
    "7 applied, 0 pending",
  );
  expect(interpolate("Hello, {name}.", { name: "Ana" })).toBe("Hello, Ana.");
});

test("a missing value leaves its placeholder visible", () => {
  expect(interpolate("Hello, {name}.")).toBe("Hello, {name}.");
});

test("values are inserted literally, not read as placeholders or patterns", () => {
  expect(interpolate("{a}", { a: "{b} $& $1" })).toBe("{b} $& $1");
});

test("lists placeholders sorted", () => {
  expect(placeholders("{b} and {a} and {b}")).toEqual(["a", "b", "b"]);
  expect(placeholders("none")).toEqual([]);
});
