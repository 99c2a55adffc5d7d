import { createHash, randomBytes } from "node:crypto";
import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { openHouse, venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Booking = { id: string; start: string; end: string; version: number; status: string };

async function createFeed(token: string, body: Record<string, unknown>) {
  return call<{ id: string; url: string }>("POST", "/me/feeds", { token, body });
}

/** The feed as a calendar app fetches it: the url's path on this server, no credentials. */
async function fetchFeed(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server().url}${new URL(url).pathname}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      status: String(vevent.getFirstPropertyValue("status")),
      tzid: vevent.getFirstProperty("dtstart")?.getParameter("tzid"),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
  const zones = calendar
    .getAllSubcomponents("vtimezone")
    .map((vtimezone) => String(vtimezone.getFirstPropertyValue("tzid")));
  return { calendar, events, zones };
}

async function book(
  token: string | undefined,
  offering: { offeringId: string; resourceIds: string[] },
  room: number,
  from: number,
  nights: number,
  extra: Record<string, unknown> = {},
  path = "/bookings",
) {
  const response = await call<{ booking: Booking }>("POST", path, {
    ...(token ? { token } : {}),
    body: {
      offeringId: offering.offeringId,
      resourceIds: [offering.resourceIds[room]],
      checkIn: inDays(from),
      checkOut: inDays(from + nights),
      guests: 2,
      ...extra,
    },
  });
  expect(response.status).toBe(201);
  return response.body.booking;
}

/** A Berlin holiday home that confirms at once, with three rooms. */
async function house(owner: string) {
  return venueWithOffering(call, owner, "stay", 3, {
    ...openHouse,
    name: "Ferienhaus am See",
  });
}

describe("creating, listing and revoking feeds", () => {
  test("a member's feed: created with its url once, listed without it, revoked to 404", async () => {
    const member = await activeUser(call);
    const created = await createFeed(member.token, { name: "Meine Buchungen" });
    expect(created.status).toBe(201);
    const { id, url } = created.body;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const listed = await call<{ items: unknown[]; nextCursor: null }>("GET", "/me/feeds", {
      token: member.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [{ id, name: "Meine Buchungen", createdAt: expect.any(String) }],
      nextCursor: null,
    });
    const token = /\/feeds\/([^/]+)\.ics$/.exec(url)?.[1] ?? "";
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((await fetchFeed(url)).status).toBe(200);

    expect((await call("DELETE", `/me/feeds/${id}`, { token: member.token })).status).toBe(204);
    const gone = await fetchFeed(url);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toMatchObject({
      error: { code: "NOT_FOUND", requestId: expect.any(String) },
    });
    expect(
      (await call<{ items: unknown[] }>("GET", "/me/feeds", { token: member.token })).body.items,
    ).toEqual([]);
    // Revoked already: as unknown as any other id.
    expect((await call("DELETE", `/me/feeds/${id}`, { token: member.token })).status).toBe(404);
  });

  test("another member neither sees nor revokes someone's feed", async () => {
    const [alice, bob] = [await activeUser(call), await activeUser(call)];
    const { body } = await createFeed(alice.token, { name: "Alice" });
    const bobs = await call<{ items: unknown[] }>("GET", "/me/feeds", { token: bob.token });
    expect(bobs.body.items).toEqual([]);
    expect((await call("DELETE", `/me/feeds/${body.id}`, { token: bob.token })).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call("DELETE", `/me/feeds/${unknown}`, { token: bob.token })).status).toBe(404);
    expect((await fetchFeed(body.url)).status).toBe(200);
  });

  test("a venue's feed needs an admin (403 for a member); an unknown venue is 404", async () => {
    const owner = await ownerToken(call);
    const { venueId } = await house(owner);
    const member = await activeUser(call);
    const refused = await createFeed(member.token, { name: "Haus", venueId });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "FORBIDDEN" } });
    const admin = await activeUser(call, "admin");
    const unknownVenue = "00000000-0000-4000-8000-000000000000";
    expect((await createFeed(admin.token, { name: "x", venueId: unknownVenue })).status).toBe(404);
    const created = await createFeed(admin.token, { name: "Haus", venueId });
    expect(created.status).toBe(201);
    const listed = await call<{ items: unknown[] }>("GET", "/me/feeds", { token: admin.token });
    expect(listed.body.items).toEqual([
      { id: created.body.id, name: "Haus", venueId, createdAt: expect.any(String) },
    ]);
    expect((await call("GET", "/me/feeds")).status).toBe(401);
    expect((await createFeed(member.token, { name: "" })).status).toBe(400);
  });

  test("the token is stored only as its SHA-256 hash", async () => {
    const member = await activeUser(call);
    const { body } = await createFeed(member.token, { name: "Geheim" });
    const token = /\/feeds\/([^/]+)\.ics$/.exec(body.url)?.[1] ?? "";
    expect(token).toHaveLength(43);
    const { rows } = await server().deps.database.pool.query(
      "SELECT * FROM calendar_feeds WHERE id = $1",
      [body.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(token);
    expect(rows[0].token_hash).toBe(createHash("sha256").update(token).digest("base64url"));
  });
});

describe("GET /feeds/{token}.ics", () => {
  test("a member's bookings in the venue's zone: cancelled as CANCELLED, a move with a higher SEQUENCE, no holds", async () => {
    const owner = await ownerToken(call);
    const stay = await house(owner);
    const member = await activeUser(call);
    const other = await activeUser(call);
    const winter = await book(member.token, stay, 0, 40, 2);
    const later = await book(member.token, stay, 1, 200, 3);
    const cancelled = await book(member.token, stay, 2, 60, 1);
    expect(
      (await call("DELETE", `/bookings/${cancelled.id}`, { token: member.token })).status,
    ).toBe(200);
    await book(member.token, stay, 2, 80, 1, {}, "/holds");
    const othersBooking = await book(other.token, stay, 0, 50, 1);

    const { body } = await createFeed(member.token, { name: "Meine Buchungen" });
    const first = await fetchFeed(body.url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("private, max-age=300");
    expect(first.headers.get("content-disposition")).toBeNull();
    expect(first.text).not.toContain("METHOD:");
    const before = parse(first.text);
    expect(before.zones).toEqual(["Europe/Berlin"]);
    expect(before.calendar.getFirstPropertyValue("x-wr-calname")).toBe("Meine Buchungen");
    expect(before.events.map((event) => event.uid).sort()).toEqual(
      [winter.id, later.id, cancelled.id].sort(),
    );
    expect(before.events.map((event) => event.uid)).not.toContain(othersBooking.id);
    for (const event of before.events) expect(event.tzid).toBe("Europe/Berlin");
    const byId = (events: typeof before.events, id: string) =>
      events.find((event) => event.uid === id);
    expect(byId(before.events, winter.id)).toMatchObject({
      start: winter.start,
      end: winter.end,
      status: "CONFIRMED",
      summary: "Ferienhaus am See – Zimmer (Room 1)",
    });
    expect(byId(before.events, cancelled.id)?.status).toBe("CANCELLED");
    // The local time in the file is the wall clock in Berlin (check-in at the venue's time).
    expect(first.text).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}\r\n/);

    const moved = await call<{ booking: Booking }>("PATCH", `/bookings/${later.id}`, {
      token: member.token,
      body: { checkIn: inDays(210), checkOut: inDays(212) },
    });
    expect(moved.status).toBe(200);
    const after = parse((await fetchFeed(body.url)).text);
    const movedEvent = byId(after.events, later.id);
    expect(movedEvent).toMatchObject({
      start: moved.body.booking.start,
      end: moved.body.booking.end,
    });
    expect(movedEvent?.start).not.toBe(later.start);
    expect(movedEvent?.sequence).toBeGreaterThan(byId(before.events, later.id)?.sequence ?? 0);
    expect(movedEvent?.sequence).toBe(moved.body.booking.version);
  });

  test("a venue's feed: every booking of the venue with the booker's name, guests too", async () => {
    const owner = await ownerToken(call);
    const stay = await house(owner);
    const elsewhere = await house(owner);
    const member = await activeUser(call);
    const mine = await book(member.token, stay, 0, 30, 2);
    const guest = { name: "Gerd Gast", email: "gerd@example.org", phone: "+49 170 7654321" };
    const guests = await book(undefined, stay, 1, 30, 2, { guest });
    const cancelled = await book(member.token, stay, 2, 30, 2);
    await call("DELETE", `/bookings/${cancelled.id}`, { token: member.token });
    await book(member.token, stay, 2, 90, 1, {}, "/holds");
    const notHere = await book(member.token, elsewhere, 0, 30, 2);
    const admin = await activeUser(call, "admin");
    const { body } = await createFeed(admin.token, { name: "Haus", venueId: stay.venueId });
    const { events } = parse((await fetchFeed(body.url)).text);
    expect(events.map((event) => event.uid).sort()).toEqual(
      [mine.id, guests.id, cancelled.id].sort(),
    );
    expect(events.map((event) => event.uid)).not.toContain(notHere.id);
    const event = (id: string) => events.find((candidate) => candidate.uid === id);
    expect(event(mine.id)?.summary).toContain(member.person.name);
    expect(event(mine.id)?.description).toContain(`Gebucht von: ${member.person.name}`);
    expect(event(guests.id)?.summary).toContain("Gerd Gast");
    expect(event(cancelled.id)?.status).toBe("CANCELLED");

    // A member's own feed never names anyone.
    const own = await createFeed(member.token, { name: "Mine" });
    const ownEvents = parse((await fetchFeed(own.body.url)).text).events;
    expect(ownEvents.find((candidate) => candidate.uid === mine.id)?.summary).not.toContain(
      member.person.name,
    );

    // Demoted from admin: the venue's feed stops answering.
    await call("POST", `/users/${admin.id}/role`, { token: owner, body: { role: "member" } });
    expect((await fetchFeed(body.url)).status).toBe(404);
  });

  test("bookings that ended more than 90 days ago are left out", async () => {
    const owner = await ownerToken(call);
    const stay = await house(owner);
    const member = await activeUser(call);
    const recent = await book(member.token, stay, 0, 20, 1);
    const old = await book(member.token, stay, 1, 20, 1);
    // The api cannot book the past: the read model's row is moved back instead.
    await server().deps.database.pool.query(
      `UPDATE bookings SET start_at = now() - interval '92 days', end_at = now() - interval '91 days'
       WHERE id = $1`,
      [old.id],
    );
    const { body } = await createFeed(member.token, { name: "Window" });
    const { events } = parse((await fetchFeed(body.url)).text);
    expect(events.map((event) => event.uid)).toEqual([recent.id]);
  });

  test("ETag and If-None-Match: 304 without a body until something changes", async () => {
    const owner = await ownerToken(call);
    const stay = await house(owner);
    const member = await activeUser(call);
    await book(member.token, stay, 0, 30, 1);
    const { body } = await createFeed(member.token, { name: "Polling" });
    const first = await fetchFeed(body.url);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetchFeed(body.url);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.text).toBe(first.text);

    const unchanged = await fetchFeed(body.url, { "If-None-Match": etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(unchanged.headers.get("cache-control")).toBe("private, max-age=300");
    expect((await fetchFeed(body.url, { "If-None-Match": `W/${etag}, "x"` })).status).toBe(304);
    expect((await fetchFeed(body.url, { "If-None-Match": '"other"' })).status).toBe(200);

    const added = await book(member.token, stay, 1, 40, 1);
    const changed = await fetchFeed(body.url, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(parse(changed.text).events.map((event) => event.uid)).toContain(added.id);

    // A renamed venue changes the summaries, so it changes the tag too.
    const newTag = changed.headers.get("etag") ?? "";
    await call("PATCH", `/venues/${stay.venueId}`, { token: owner, body: { name: "Seehaus" } });
    const renamed = await fetchFeed(body.url, { "If-None-Match": newTag });
    expect(renamed.status).toBe(200);
    expect(renamed.text).toContain("SUMMARY:Seehaus – Zimmer");
  });

  test("unknown, malformed and revoked tokens, and feeds of disabled accounts, are 404", async () => {
    const unknown = randomBytes(32).toString("base64url");
    for (const path of [
      `/feeds/${unknown}.ics`,
      "/feeds/abc.ics",
      "/feeds/%27%20OR%201%3D1.ics",
      `/feeds/${unknown}`,
    ]) {
      const response = await call("GET", path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    const member = await activeUser(call);
    const { body } = await createFeed(member.token, { name: "x" });
    expect((await fetchFeed(body.url)).status).toBe(200);
    const owner = await ownerToken(call);
    await call("POST", `/users/${member.id}/disable`, { token: owner });
    expect((await fetchFeed(body.url)).status).toBe(404);
  });

  test("the OpenAPI document lists the feed operations with full paths", async () => {
    const response = await fetch(`${server().url}/api/v1/openapi.json`);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(document.paths["/api/v1/me/feeds"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(document.paths["/api/v1/me/feeds/{id}"]?.delete).toBeDefined();
    const feed = document.paths["/api/v1/feeds/{token}.ics"]?.get;
    expect(feed?.responses["200"]).toMatchObject({
      content: { "text/calendar": { schema: { type: "string" } } },
    });
    expect(feed?.responses["304"]).toBeDefined();
  });
});

describe("GET /bookings/{id}/ics", () => {
  test("the booking in the venue's zone, as the feeds write it", async () => {
    const owner = await ownerToken(call);
    const stay = await house(owner);
    const member = await activeUser(call);
    const booking = await book(member.token, stay, 0, 30, 2);
    const response = await call<string>("GET", `/bookings/${booking.id}/ics`, {
      token: member.token,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="booking-${booking.id}.ics"`,
    );
    const { events, zones } = parse(response.body);
    expect(zones).toEqual(["Europe/Berlin"]);
    expect(events).toEqual([
      expect.objectContaining({
        uid: booking.id,
        sequence: booking.version,
        tzid: "Europe/Berlin",
        start: booking.start,
        end: booking.end,
        status: "CONFIRMED",
        summary: "Ferienhaus am See – Zimmer (Room 1)",
      }),
    ]);
  });
});
