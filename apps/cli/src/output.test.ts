import { expect, test } from "vitest";
import { formatDuration } from "./output.ts";

test.each([
  [0, "0s"],
  [59, "59s"],
  [61, "1m 1s"],
  [3600, "1h 0m 0s"],
  [90061, "1d 1h 1m 1s"],
])("formatDuration(%i) = %s", (seconds, text) => {
  expect(formatDuration(seconds)).toBe(text);
});
