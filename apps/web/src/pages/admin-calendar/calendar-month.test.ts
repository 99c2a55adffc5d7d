import { describe, expect, test } from "vitest";
import { closedDays, daysOfMonth, shiftMonth } from "./calendar-month.ts";

describe("calendar months", () => {
  test("shift across the year's edges", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2026-05", 0)).toBe("2026-05");
  });

  test("have their days, leap years included", () => {
    expect(daysOfMonth("2028-02")).toHaveLength(29);
    expect(daysOfMonth("2026-02").at(-1)).toBe("2026-02-28");
    expect(daysOfMonth("2026-12")[0]).toBe("2026-12-01");
  });

  test("know the closed days, both ends of a closure included", () => {
    const days = daysOfMonth("2026-12");
    const closed = closedDays(days, [
      { from: "2026-12-24", to: "2026-12-26" },
      { from: "2026-11-20", to: "2026-12-01" },
    ]);
    expect([...closed].sort()).toEqual(["2026-12-01", "2026-12-24", "2026-12-25", "2026-12-26"]);
  });
});
