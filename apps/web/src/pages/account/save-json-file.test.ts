import { expect, test } from "vitest";
import { exportFileName } from "./save-json-file.ts";

test("the export's file name carries the day (UTC)", () => {
  expect(exportFileName(new Date("2026-05-03T23:30:00Z"))).toBe("booking-data-2026-05-03.json");
});
