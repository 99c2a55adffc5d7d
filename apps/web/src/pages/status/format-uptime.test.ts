import { expect, test } from "vitest";
import { formatUptime } from "./format-uptime.ts";

test.each([
  [12, "12 s"],
  [300, "5 min"],
  [3_900, "1 h 5 min"],
  [273_600, "3 d 4 h"],
])("formatUptime(%i) = %s", (seconds, text) => {
  expect(formatUptime(seconds)).toBe(text);
});
