import { expect, test } from "vitest";
import { nightsTable, slotsTable } from "./availability-format.ts";

test("nightsTable shows each night with its free rooms by name", () => {
  const names = new Map([
    ["r1", "Room 1"],
    ["r2", "Room 2"],
  ]);
  expect(
    nightsTable(
      [
        { date: "2027-05-01", freeResourceIds: ["r1", "r2"] },
        { date: "2027-05-02", freeResourceIds: [] },
        { date: "2027-05-03", freeResourceIds: ["r2", "r9"] },
      ],
      (id) => names.get(id) ?? id,
    ),
  ).toEqual([
    "NIGHT           FREE  ROOMS",
    "Sat 2027-05-01  2     Room 1, Room 2",
    "Sun 2027-05-02  0     -",
    "Mon 2027-05-03  2     Room 2, r9",
  ]);
});

test("slotsTable shows local times of the venue's zone, the free count and the start", () => {
  expect(
    slotsTable(
      [
        {
          start: "2027-10-31T08:00:00.000Z",
          end: "2027-10-31T09:00:00.000Z",
          freeResourceIds: ["a", "b", "c"],
        },
      ],
      "Europe/Berlin",
    ),
  ).toEqual([
    "SLOT (Europe/Berlin)    FREE  --start",
    "2027-10-31 09:00–10:00  3     2027-10-31T08:00:00.000Z",
  ]);
});
