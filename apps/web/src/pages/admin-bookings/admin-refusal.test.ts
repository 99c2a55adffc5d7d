import { expect, test } from "vitest";
import { adminRefusal } from "./admin-refusal.ts";

test("a taken room or time has its own sentence", () => {
  expect(adminRefusal({ code: "SLOT_UNAVAILABLE", message: "x", details: {} }, "")).toEqual({
    key: "adminBooking.error.taken",
  });
});

test("a booking that changed meanwhile names its status", () => {
  expect(
    adminRefusal({ code: "INVALID_STATE", message: "x", details: { current: "cancelled" } }, ""),
  ).toEqual({ key: "adminBooking.error.state", values: { status: "cancelled" } });
  // An unknown status is not shown: the general sentence instead.
  expect(
    adminRefusal({ code: "INVALID_STATE", message: "x", details: { current: "<b>" } }, ""),
  ).toEqual({ key: "errors.INVALID_STATE" });
});

test("each known rule has its sentence; others read as anywhere else", () => {
  expect(
    adminRefusal({ code: "RULE_VIOLATION", message: "x", details: { rule: "NOT_STARTED" } }, ""),
  ).toEqual({ key: "adminBooking.rule.NOT_STARTED" });
  expect(
    adminRefusal({ code: "RULE_VIOLATION", message: "Odd.", details: { rule: "ODD" } }, ""),
  ).toEqual({ key: "errors.RULE_VIOLATION", values: { message: "Odd." } });
  expect(adminRefusal({ code: "FORBIDDEN", message: "x", details: undefined }, "")).toEqual({
    key: "errors.FORBIDDEN",
  });
  expect(adminRefusal(undefined, "offline")).toEqual({
    key: "errors.unknown",
    values: { message: "offline" },
  });
});
