import { describe, expect, test } from "vitest";
import { formatMoney } from "./format-money.ts";
import {
  formatCheckIn,
  formatCheckOut,
  formatDay,
  formatMoment,
  formatSubjectTime,
  formatWhen,
} from "./format-time.ts";

const berlin = "Europe/Berlin";

describe("times in the venue's zone, saying which", () => {
  test("a slot in winter (UTC+1)", () => {
    const span = { start: "2026-12-12T09:00:00Z", end: "2026-12-12T10:00:00Z" };
    expect(formatWhen(span, berlin, "en")).toBe(
      "Sat 12 Dec 2026, 10:00–11:00 (Europe/Berlin time)",
    );
    expect(formatWhen(span, berlin, "de")).toBe(
      "Sa., 12. Dez. 2026, 10:00–11:00 Uhr (Zeitzone Europe/Berlin)",
    );
  });

  test("the day the clocks go forward: 10:00 is 08:00 UTC, the day before 09:00 UTC", () => {
    expect(
      formatWhen({ start: "2026-03-29T08:00:00Z", end: "2026-03-29T09:00:00Z" }, berlin, "en"),
    ).toBe("Sun 29 Mar 2026, 10:00–11:00 (Europe/Berlin time)");
    expect(
      formatWhen({ start: "2026-03-28T09:00:00Z", end: "2026-03-28T10:00:00Z" }, berlin, "de"),
    ).toBe("Sa., 28. März 2026, 10:00–11:00 Uhr (Zeitzone Europe/Berlin)");
  });

  test("across the hour that repeats, the times carry their offsets", () => {
    // 02:30 summer time, then 02:30 winter time: an hour apart.
    const span = { start: "2026-10-25T00:30:00Z", end: "2026-10-25T01:30:00Z" };
    expect(formatWhen(span, berlin, "en")).toBe(
      "Sun 25 Oct 2026, 02:30 (GMT+2) – 02:30 (GMT+1) (Europe/Berlin time)",
    );
    expect(formatWhen(span, berlin, "de")).toBe(
      "So., 25. Okt. 2026, 02:30 (GMT+2) – 02:30 (GMT+1) Uhr (Zeitzone Europe/Berlin)",
    );
  });

  test("a span over midnight names both days", () => {
    const span = { start: "2026-12-12T22:00:00Z", end: "2026-12-12T23:30:00Z" };
    expect(formatWhen(span, berlin, "en")).toBe(
      "Sat 12 Dec 2026, 23:00 – Sun 13 Dec 2026, 00:30 (Europe/Berlin time)",
    );
    expect(formatWhen(span, berlin, "de")).toBe(
      "Sa., 12. Dez. 2026, 23:00 Uhr – So., 13. Dez. 2026, 00:30 Uhr (Zeitzone Europe/Berlin)",
    );
  });

  test("a stay over the end of summer time: arrival and departure at their local times", () => {
    expect(formatCheckIn("2026-10-24T13:00:00Z", berlin, "en")).toBe(
      "Sat 24 Oct 2026, from 15:00 (Europe/Berlin time)",
    );
    expect(formatCheckOut("2026-10-26T09:00:00Z", berlin, "en")).toBe(
      "Mon 26 Oct 2026, by 10:00 (Europe/Berlin time)",
    );
    expect(formatCheckIn("2026-10-24T13:00:00Z", berlin, "de")).toBe(
      "Sa., 24. Okt. 2026, ab 15:00 Uhr (Zeitzone Europe/Berlin)",
    );
    expect(formatCheckOut("2026-10-26T09:00:00Z", berlin, "de")).toBe(
      "Mo., 26. Okt. 2026, bis 10:00 Uhr (Zeitzone Europe/Berlin)",
    );
  });

  test("other zones, and their own change of the clocks (New York, 8 Mar 2026)", () => {
    const ny = "America/New_York";
    expect(
      formatWhen({ start: "2026-03-08T14:00:00Z", end: "2026-03-08T15:00:00Z" }, ny, "en"),
    ).toBe("Sun 8 Mar 2026, 10:00–11:00 (America/New_York time)");
    expect(
      formatWhen({ start: "2026-03-07T15:00:00Z", end: "2026-03-07T16:00:00Z" }, ny, "en"),
    ).toBe("Sat 7 Mar 2026, 10:00–11:00 (America/New_York time)");
    // The same instant is another day in Auckland.
    expect(formatDay("2026-12-12T20:00:00Z", "Pacific/Auckland", "en")).toBe("Sun 13 Dec 2026");
  });

  test("subjects: a slot's start, a stay's dates", () => {
    const slot = { start: "2026-12-12T09:00:00Z", end: "2026-12-12T10:00:00Z" };
    expect(formatSubjectTime(slot, "slot", berlin, "en")).toBe("Sat 12 Dec 2026, 10:00");
    expect(formatSubjectTime(slot, "slot", berlin, "de")).toBe("Sa., 12. Dez. 2026, 10:00 Uhr");
    const stay = { start: "2026-10-24T13:00:00Z", end: "2026-10-26T09:00:00Z" };
    expect(formatSubjectTime(stay, "stay", berlin, "en")).toBe("24 – 26 Oct 2026");
    expect(formatSubjectTime(stay, "stay", berlin, "de")).toBe("24.–26. Okt. 2026");
    const overNewYear = { start: "2026-12-30T14:00:00Z", end: "2027-01-02T09:00:00Z" };
    expect(formatSubjectTime(overNewYear, "stay", berlin, "en")).toBe("30 Dec 2026 – 2 Jan 2027");
  });

  test("a moment", () => {
    expect(formatMoment("2026-12-11T09:00:00Z", berlin, "en")).toBe(
      "Fri 11 Dec 2026, 10:00 (Europe/Berlin time)",
    );
    expect(formatMoment("2026-12-11T09:00:00Z", berlin, "de")).toBe(
      "Fr., 11. Dez. 2026, 10:00 Uhr (Zeitzone Europe/Berlin)",
    );
  });
});

describe("money", () => {
  test("minor units in the language's way of writing", () => {
    expect(formatMoney({ amount: 8900, currency: "EUR" }, "en")).toBe("€89.00");
    expect(formatMoney({ amount: 8900, currency: "EUR" }, "de")).toBe("89,00\u00a0€");
    // Currencies without minor units are not divided.
    expect(formatMoney({ amount: 1500, currency: "JPY" }, "en")).toBe("JP¥1,500");
  });
});
