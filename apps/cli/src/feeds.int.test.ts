import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../bin/booking.js", import.meta.url));
const owner = { email: "owner@example.com", password: "owner-password-1" };
const database = useTestDatabase();
let api: ApiProcess;
let configHome: string;
let token: string;

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), "booking-cli-feeds-"));
  api = await spawnApi({
    DATABASE_URL: database().url,
    LOG_LEVEL: "info",
    BOOKING_DATA_DIR: join(configHome, "api-data"),
    BOOKING_SECRET: "cli-integration-test-secret-0123456789",
    BOOKING_OWNER_EMAIL: owner.email,
    BOOKING_OWNER_PASSWORD: owner.password,
    RATE_LIMIT_PER_MINUTE: "0",
  });
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
  token = ((await response.json()) as { token: string }).token;
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

/** The feed's url on the api this test started (the url printed names PUBLIC_URL's host). */
function onThisApi(url: string): string {
  return `${api.url}${new URL(url).pathname}`;
}

async function createVenue(): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/venues`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name: "Haus am See",
      timeZone: "Europe/Berlin",
      currency: "EUR",
      openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      closures: [],
      policies: {
        approvalRequired: false,
        holdTtlMinutes: 10,
        minNoticeMinutes: 0,
        maxAdvanceDays: 730,
        cancellationNoticeHours: 0,
      },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { venue: { id: string } }).venue.id;
}

const rowOf = (stdout: string, start: string) =>
  stdout.split("\n").find((line) => line.startsWith(start));

describe("booking feeds", () => {
  test("feeds create prints the url once; feeds lists it without; feeds revoke ends it", async () => {
    const empty = await booking(["feeds"]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain("No calendar feeds.");

    const created = await booking(["feeds", "create", "Meine Buchungen"]);
    expect(created.code, created.stderr).toBe(0);
    const url = created.stdout.trim();
    expect(url).toMatch(/^http:\/\/\S+\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.stderr).toContain("shown only now");
    const feed = await fetch(onThisApi(url));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("X-WR-CALNAME:Meine Buchungen");

    const listed = await booking(["feeds"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+BOOKINGS\s+CREATED$/);
    const id = (created.stderr.match(/Feed (\S+) created/) ?? [])[1] ?? "";
    expect(rowOf(listed.stdout, id)).toMatch(/Meine Buchungen\s+mine\s+\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(listed.stdout).not.toContain(new URL(url).pathname);

    const revoked = await booking(["feeds", "revoke", id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked feed ${id}`);
    expect((await fetch(onThisApi(url))).status).toBe(404);
    const again = await booking(["feeds", "revoke", id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/NOT_FOUND/);
  });

  test("feeds create --venue: a venue's feed, listed with the venue; --json", async () => {
    const venueId = await createVenue();
    const created = await booking(["feeds", "create", "Haus", "--venue", venueId, "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const { id, url } = JSON.parse(created.stdout) as { id: string; url: string };
    expect((await fetch(onThisApi(url))).status).toBe(200);
    const listed = await booking(["feeds", "--json"]);
    const { items } = JSON.parse(listed.stdout) as { items: { id: string; venueId?: string }[] };
    expect(items.find((item) => item.id === id)).toMatchObject({ venueId });
    const unknown = await booking([
      "feeds",
      "create",
      "x",
      "--venue",
      "00000000-0000-4000-8000-000000000000",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/NOT_FOUND/);
  });

  test("wrong use is exit 2 before any request", async () => {
    const noName = await booking(["feeds", "create"]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("name is missing");
    const badVenue = await booking(["feeds", "create", "x", "--venue", "nope"]);
    expect(badVenue.code).toBe(2);
    expect(badVenue.stderr).toContain("--venue");
    const badId = await booking(["feeds", "revoke", "nope"]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain("is not a feed id");
    const extra = await booking(["feeds", "create", "My", "bookings"]);
    expect(extra.code).toBe(2);
    const help = await booking(["--help"]);
    expect(help.stdout).toMatch(/feeds create\s+make a calendar feed/);
  });
});
