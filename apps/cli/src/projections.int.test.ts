import { beforeAll, describe, expect, test } from "vitest";
import { useCliAgainstApi } from "../test/cli-against-api.ts";

const { booking, url: apiUrl, token: ownerToken } = useCliAgainstApi("projections");

async function rest<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${apiUrl()}/api/v1${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ownerToken()}` },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

const year = new Date().getUTCFullYear() + 1;
const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** A house without approval with one room, and a confirmed stay of 3 nights in March. */
async function houseWithAStay(): Promise<string> {
  const { venue } = await rest<{ venue: { id: string } }>("/venues", {
    name: "Haus am See",
    timeZone: "Europe/Berlin",
    currency: "EUR",
    openingHours: closed,
    closures: [],
    policies: {
      approvalRequired: false,
      holdTtlMinutes: 10,
      minNoticeMinutes: 0,
      maxAdvanceDays: 730,
      cancellationNoticeHours: 0,
    },
  });
  const { resource } = await rest<{ resource: { id: string } }>(`/venues/${venue.id}/resources`, {
    name: "Room 1",
    kind: "room",
    capacity: 2,
  });
  const { offering } = await rest<{ offering: { id: string } }>(`/venues/${venue.id}/offerings`, {
    name: "Night",
    mode: "stay",
    resourceIds: [resource.id],
    price: { amount: 10_000, currency: "EUR" },
    stay: { minNights: 1, maxNights: 14 },
  });
  await rest("/bookings", {
    offeringId: offering.id,
    resourceIds: [resource.id],
    checkIn: `${year}-03-10`,
    checkOut: `${year}-03-13`,
    guests: 2,
  });
  return venue.id;
}

const rowOf = (stdout: string, start: string) =>
  stdout.split("\n").find((line) => line.startsWith(start));

describe("booking stats and booking projections", () => {
  let venueId: string;

  beforeAll(async () => {
    venueId = await houseWithAStay();
  });

  test("stats prints the venue's year as a table, one row per month", async () => {
    // The statistics follow the log asynchronously: wait until they show the booking.
    let result = await booking(["stats", "--venue", venueId, "--year", String(year)]);
    for (let tries = 0; !rowOf(result.stdout, `${year}-03`)?.includes("300.00 EUR"); tries++) {
      expect(tries, result.stdout + result.stderr).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await booking(["stats", "--venue", venueId, "--year", String(year)]);
    }
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^MONTH\s+BOOKINGS\s+CONFIRMED\s+CANCELLED\s+GUESTS\s+NIGHTS\s+REVENUE\s+OCCUPANCY$/,
    );
    expect(lines).toHaveLength(13);
    // 3 of 31 room-nights in March.
    expect(rowOf(result.stdout, `${year}-03`)?.split(/\s{2,}/)).toEqual([
      `${year}-03`,
      "1",
      "1",
      "0",
      "2",
      "3",
      "300.00 EUR",
      "9.7%",
    ]);
    expect(rowOf(result.stdout, `${year}-04`)).toMatch(
      /^\S+\s+0\s+0\s+0\s+0\s+0\s+0\.00 EUR\s+0\.0%$/,
    );
  });

  test("stats needs a venue and a real year", async () => {
    const missing = await booking(["stats"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--venue is required");
    const badYear = await booking(["stats", "--venue", venueId, "--year", "soon"]);
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toContain("--year");
  });

  test("projections lists the read models and the notifications reactor, one row each", async () => {
    const result = await booking(["projections"]);
    expect(result.code, result.stderr).toBe(0);
    const [header, ...rows] = result.stdout.trim().split("\n");
    expect(header).toMatch(/^NAME\s+STATE\s+LAG\s+POSITION\s+REBUILD\s+FAILURE$/);
    expect(rows.map((row) => row.split(/\s+/)[0]).sort()).toEqual([
      "calendar",
      "notifications",
      "statistics",
    ]);
    expect(rowOf(result.stdout, "statistics")).toMatch(
      /^statistics\s+(running|rebuilding)\s+\d+\s+\d+/,
    );
    expect(rowOf(result.stdout, "calendar")).toMatch(
      /^calendar\s+(running|rebuilding)\s+\d+\s+\d+/,
    );
    // A reactor is never rebuilt: it runs (or has failed, which would be a bug here).
    expect(rowOf(result.stdout, "notifications")).toMatch(/^notifications\s+running\s+\d+\s+\d+/);
  });

  test("projections rebuild --wait rebuilds and the figures stay the same", async () => {
    const before = await booking(["stats", "--venue", venueId, "--year", String(year), "--json"]);
    const result = await booking(["projections", "rebuild", "statistics", "--wait"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Rebuilt statistics: at log position \d+, lag \d+\.$/m);
    const after = await booking(["stats", "--venue", venueId, "--year", String(year), "--json"]);
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    const listed = await booking(["projections", "--json"]);
    const { items } = JSON.parse(listed.stdout) as { items: { name: string }[] };
    expect(items.find((item) => item.name === "statistics")).toMatchObject({ rebuild: null });
  });

  test("projections rebuild without --wait answers at once; an unknown name is NOT_FOUND", async () => {
    const started = await booking(["projections", "rebuild", "statistics"]);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain("Rebuilding statistics from the start of the log");
    const unknown = await booking(["projections", "rebuild", "no_such_model"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/NOT_FOUND/);
    const badName = await booking(["projections", "rebuild", "Bad-Name"]);
    expect(badName.code).toBe(2);
  });
});
