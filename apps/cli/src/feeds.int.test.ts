import { describe, expect, test } from "vitest";
import { useCliAgainstApi } from "../test/cli-against-api.ts";

const { booking, url: apiUrl, token: ownerToken } = useCliAgainstApi("feeds");

/** The feed's url on the api this test started (the url printed names PUBLIC_URL's host). */
function onThisApi(url: string): string {
  return `${apiUrl()}${new URL(url).pathname}`;
}

async function createVenue(): Promise<string> {
  const response = await fetch(`${apiUrl()}/api/v1/venues`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ownerToken()}` },
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
