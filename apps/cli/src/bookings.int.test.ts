import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BookingDto, bookingSchema } from "@booking/contracts";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../bin/booking.js", import.meta.url));
const owner = { email: "owner@example.com", password: "owner-password-1" };
const database = useTestDatabase();
let api: ApiProcess;
let configHome: string;

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), "booking-cli-bookings-"));
  api = await spawnApi({
    DATABASE_URL: database().url,
    LOG_LEVEL: "info",
    BOOKING_DATA_DIR: join(configHome, "api-data"),
    BOOKING_SECRET: "cli-integration-test-secret-0123456789",
    BOOKING_OWNER_EMAIL: owner.email,
    BOOKING_OWNER_PASSWORD: owner.password,
    RATE_LIMIT_PER_MINUTE: "0",
  });
});
afterAll(async () => {
  await api?.stop();
  if (configHome) await rm(configHome, { recursive: true, force: true });
});

/** Runs `node bin/booking.js …` against the api with its own config directory. */
async function booking(args: string[], stdin = "") {
  const running = promisify(execFile)(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", BOOKING_URL: api.url, XDG_CONFIG_HOME: configHome },
  });
  running.child.stdin?.end(stdin);
  try {
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The owner sets up the catalog over REST, as an admin's script would. */
async function rest<T>(path: string, token: string, body: unknown): Promise<T> {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A local date `days` from today (UTC), far enough ahead for every notice rule. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const rowOf = (stdout: string, start: string) =>
  stdout.split("\n").find((line) => line.startsWith(start));

const week = (intervals: [string, string][]) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, intervals]));

const venueBody = (name: string, approvalRequired: boolean, hours: [string, string][]) => ({
  name,
  timeZone: "Europe/Berlin",
  currency: "EUR",
  address: { street: "Seeweg 1", postalCode: "17192", city: "Waren", country: "DE" },
  location: { lat: 53.52, lng: 12.68 },
  openingHours: week(hours),
  closures: [],
  policies: {
    approvalRequired,
    holdTtlMinutes: 10,
    minNoticeMinutes: 0,
    maxAdvanceDays: 730,
    cancellationNoticeHours: 48,
  },
});

describe("booking venues, availability, book, bookings, confirm, cancel, reject", () => {
  let venueId: string;
  let offeringId: string;
  const rooms: string[] = [];
  let workshopOfferingId: string;
  const checkIn = dayFromNow(40);
  const checkOut = dayFromNow(43);
  let pending: BookingDto;

  beforeAll(async () => {
    const login = await booking(
      ["login", "--email", owner.email, "--password-stdin"],
      owner.password,
    );
    expect(login.code, login.stderr).toBe(0);
    const response = await fetch(`${api.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(owner),
    });
    const { token } = (await response.json()) as { token: string };

    ({
      venue: { id: venueId },
    } = await rest<{ venue: { id: string } }>(
      "/venues",
      token,
      venueBody("Ferienhaus am See", true, []),
    ));
    for (const name of ["Room 1", "Room 2"]) {
      const { resource } = await rest<{ resource: { id: string } }>(
        `/venues/${venueId}/resources`,
        token,
        { name, kind: "room", capacity: 4 },
      );
      rooms.push(resource.id);
    }
    ({
      offering: { id: offeringId },
    } = await rest<{ offering: { id: string } }>(`/venues/${venueId}/offerings`, token, {
      name: "Zimmer",
      mode: "stay",
      resourceIds: rooms,
      price: { amount: 4500, currency: "EUR" },
      stay: { minNights: 1, maxNights: 14, perGuestNightly: 500 },
    }));

    const workshop = await rest<{ venue: { id: string } }>(
      "/venues",
      token,
      venueBody("Werkstatt", false, [["08:00", "17:00"]]),
    );
    const bay = await rest<{ resource: { id: string } }>(
      `/venues/${workshop.venue.id}/resources`,
      token,
      { name: "Bay 1", kind: "bay", capacity: 1 },
    );
    ({
      offering: { id: workshopOfferingId },
    } = await rest<{ offering: { id: string } }>(`/venues/${workshop.venue.id}/offerings`, token, {
      name: "Inspection",
      mode: "slot",
      resourceIds: [bay.resource.id],
      price: { amount: 8900, currency: "EUR" },
      slot: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, stepMinutes: 60 },
    }));
  });

  test("venues lists the venue; venues show has its rooms and offering", async () => {
    const list = await booking(["venues", "--postal-code", "171"]);
    expect(list.code, list.stderr).toBe(0);
    expect(rowOf(list.stdout, venueId)).toMatch(
      /^\S+ {2}Ferienhaus am See {2}17192 Waren {2}Europe\/Berlin {2}EUR$/,
    );
    expect((await booking(["venues", "--postal-code", "99"])).stdout).toBe("No venues found.\n");
    expect((await booking(["venues", "--near", "north"])).code).toBe(2);

    const show = await booking(["venues", "show", venueId]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain("approval  required");
    expect(rowOf(show.stdout, `  ${rooms[0]}`)).toMatch(/Room 1 +room +4 +yes$/);
    expect(rowOf(show.stdout, `  ${offeringId}`)).toMatch(
      /Zimmer +stay +45\.00 EUR per night \+ 5\.00 EUR per guest-night$/,
    );
  });

  test("availability shows the free rooms of each night", async () => {
    const result = await booking(["availability", offeringId, "--from", checkIn, "--to", checkOut]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Zimmer at Ferienhaus am See, ${checkIn} to ${checkOut}`);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(2 + 3); // title, header, 3 nights
    expect(result.stdout).toMatch(new RegExp(`\\w{3} ${checkIn} {2}2 {5}Room 1, Room 2`));
    const bad = await booking(["availability", offeringId, "--from", checkOut, "--to", checkIn]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--to: must be after from");
  });

  test("book makes a pending booking; the same idempotency key never books twice", async () => {
    const args = ["book", offeringId, "--check-in", checkIn, "--check-out", checkOut];
    const result = await booking([...args, "--room", rooms[0] ?? "", "--guests", "2", "--verbose"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Booking \S+\n {2}status +pending \(awaiting approval\)\n/);
    expect(result.stdout).toContain(`when       ${checkIn} → ${checkOut} (3 nights)`);
    expect(result.stdout).toContain("resources  Room 1");
    expect(result.stdout).toContain("price      165.00 EUR"); // 3 × (45.00 + 2 × 5.00)
    const key = /Idempotency key: (\S+)/.exec(result.stderr)?.[1] ?? "";
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    const again = await booking([
      ...args,
      "--room",
      rooms[0] ?? "",
      "--guests",
      "2",
      "--idempotency-key",
      key,
      "--json",
    ]);
    expect(again.code, again.stderr).toBe(0);
    pending = bookingSchema.parse(JSON.parse(again.stdout).booking);
    expect(result.stdout).toContain(`Booking ${pending.id}\n`);
  });

  test("an overlapping booking of the same room fails with SLOT_UNAVAILABLE", async () => {
    const result = await booking([
      "book",
      offeringId,
      "--check-in",
      dayFromNow(41),
      "--check-out",
      dayFromNow(44),
      "--room",
      rooms[0] ?? "",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error SLOT_UNAVAILABLE: /);
    expect(result.stdout).toBe("");
    const after = await booking(["availability", offeringId, "--from", checkIn, "--to", checkOut]);
    expect(after.stdout).toMatch(new RegExp(`\\w{3} ${checkIn} {2}1 {5}Room 2\\n`));
    const noRoom = await booking([
      "book",
      offeringId,
      "--check-in",
      checkIn,
      "--check-out",
      checkOut,
    ]);
    expect(noRoom.code).toBe(2);
    expect(noRoom.stderr).toContain("Usage: booking book <offeringId>");
  });

  test("bookings lists it; bookings show has its history", async () => {
    const list = await booking(["bookings", "--venue", venueId]);
    expect(list.code, list.stderr).toBe(0);
    expect(rowOf(list.stdout, pending.id)).toMatch(
      /pending +\S+ → \S+ \(3 nights\) +2 +165\.00 EUR +Ferienhaus am See$/,
    );
    const json = await booking(["bookings", "--status", "pending", "--json"]);
    const page = JSON.parse(json.stdout) as { items: BookingDto[] };
    expect(page.items.map((item) => item.id)).toEqual([pending.id]);
    expect((await booking(["bookings", "--status", "lost"])).code).toBe(2);

    const show = await booking(["bookings", "show", pending.id]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(
      /History:\n {2}AT \(UTC\) +EVENT +BY +REASON\n {2}\S+ \S+ {2}BookingRequested/,
    );
  });

  test("confirm confirms; confirming twice is INVALID_STATE; cancel cancels", async () => {
    const confirmed = await booking(["confirm", pending.id]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toBe(
      `Confirmed booking ${pending.id} (${checkIn} → ${checkOut} (3 nights)); now confirmed.\n`,
    );
    const twice = await booking(["confirm", pending.id]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^Error INVALID_STATE: .*current status: confirmed/);

    const cancelled = await booking(["cancel", pending.id, "--reason", "Plans changed"]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toContain("now cancelled.");
    const show = await booking(["bookings", "show", pending.id]);
    expect(show.stdout).toMatch(/BookingCancelled +\S+ +Plans changed/);
  });

  test("reject needs --reason (exit 2), then rejects", async () => {
    const made = await booking([
      "book",
      offeringId,
      "--check-in",
      checkIn,
      "--check-out",
      checkOut,
      "--room",
      rooms[1] ?? "",
      "--json",
    ]);
    expect(made.code, made.stderr).toBe(0);
    const { id } = bookingSchema.parse(JSON.parse(made.stdout).booking);
    const withoutReason = await booking(["reject", id]);
    expect(withoutReason.code).toBe(2);
    expect(withoutReason.stderr).toContain("--reason is required");
    expect(withoutReason.stderr).toContain('Usage: booking reject <id> --reason "<text>"');
    const rejected = await booking(["reject", id, "--reason", "Closed for repairs"]);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout).toContain("now rejected.");
    const unknown = await booking(["confirm", "00000000-0000-4000-8000-000000000000"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error NOT_FOUND: /);
  });

  test("slots show local times in the venue's zone and book by their start", async () => {
    const date = dayFromNow(35); // the workshop opens 08:00–17:00 every day
    const day = await booking(["availability", workshopOfferingId, "--date", date]);
    expect(day.code, day.stderr).toBe(0);
    expect(day.stdout).toContain("SLOT (Europe/Berlin)");
    expect(day.stdout).toContain(`${date} 08:00–09:00  1     `);
    const start = /08:00–09:00 {2}1 {5}(\S+)/.exec(day.stdout)?.[1] ?? "";
    const made = await booking(["book", workshopOfferingId, "--start", start]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("status     confirmed");
    expect(made.stdout).toContain(`when       ${date} 08:00–09:00 Europe/Berlin`);
    expect(made.stdout).toContain("price      89.00 EUR");
    const later = await booking(["availability", workshopOfferingId, "--date", date, "--json"]);
    const { slots } = JSON.parse(later.stdout) as { slots: { start: string }[] };
    expect(slots.map((slot) => slot.start)).not.toContain(start);
  });
});
