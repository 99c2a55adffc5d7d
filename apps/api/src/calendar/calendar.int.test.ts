import { type VenueCalendar, venueCalendarSchema } from "@booking/contracts";
import { beforeAll, describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { holidayHome, openHouse, stayOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { scanForPersonalData } from "../../test/personal-data-scan.ts";
import { caughtUp } from "../../test/projections.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

// Next year: every date below is in the future and within the house's booking window.
// Auckland is at UTC+13 from February to early April: its months begin 13 hours earlier.
const year = new Date().getUTCFullYear() + 1;
const february = `${year}-02`;
const march = `${year}-03`;
const april = `${year}-04`;
const day = (month: string, dayOfMonth: number) =>
  `${month}-${String(dayOfMonth).padStart(2, "0")}`;

type Booking = { id: string; status: string };
type Member = Awaited<ReturnType<typeof activeUser>>;

let owner: string;
let venueId: string;
let offeringId: string;
let rooms: string[];

async function calendar(month: string, token = owner): Promise<VenueCalendar> {
  await caughtUp(server().url, "calendar");
  const response = await call("GET", `/venues/${venueId}/calendar?month=${month}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return venueCalendarSchema.parse(response.body);
}

/** The bookings of one room in a month's calendar. */
async function roomIn(month: string, room: number, token = owner) {
  const answer = await calendar(month, token);
  return answer.resources.find((resource) => resource.id === rooms[room])?.bookings ?? [];
}

const idsOf = (bookings: { id: string | null }[]) => bookings.map((booking) => booking.id);

async function book(
  who: { token?: string; guest?: { name: string; email: string; phone: string } },
  roomNumbers: number[],
  checkIn: string,
  checkOut: string,
  path: "/bookings" | "/holds" = "/bookings",
) {
  const response = await call<{ booking: Booking; manageToken?: string }>("POST", path, {
    ...(who.token ? { token: who.token } : {}),
    body: {
      offeringId,
      resourceIds: roomNumbers.map((room) => rooms[room]),
      checkIn,
      checkOut,
      guests: 1,
      ...(who.guest ? { guest: who.guest } : {}),
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...response.body.booking, manageToken: response.body.manageToken };
}

async function act(method: string, path: string, body?: unknown) {
  const response = await call<{ booking: Booking }>(method, path, {
    token: owner,
    ...(body ? { body } : {}),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.booking;
}

beforeAll(async () => {
  owner = await ownerToken(call);
  const created = await call<{ venue: { id: string } }>("POST", "/venues", {
    token: owner,
    body: holidayHome({ timeZone: "Pacific/Auckland", ...openHouse }),
  });
  expect(created.status).toBe(201);
  venueId = created.body.venue.id;
  rooms = [];
  for (let i = 1; i <= 4; i++) {
    const { body } = await call<{ resource: { id: string } }>(
      "POST",
      `/venues/${venueId}/resources`,
      { token: owner, body: { name: `Room ${i}`, kind: "room", capacity: 4 } },
    );
    rooms.push(body.resource.id);
  }
  const offering = await call<{ offering: { id: string } }>(
    "POST",
    `/venues/${venueId}/offerings`,
    { token: owner, body: stayOffering(rooms) },
  );
  expect(offering.status).toBe(201);
  offeringId = offering.body.offering.id;
});

describe("who sees what", () => {
  let anna: Member;
  let ben: Member;
  let annas: Booking;
  let bens: Booking;
  let guests: Booking;
  let held: Booking;
  const guest = { name: "Gustav Gastmann", email: "gustav@example.org", phone: "+64 21 555 0101" };

  beforeAll(async () => {
    anna = await activeUser(call);
    ben = await activeUser(call);
    annas = await book({ token: anna.token }, [0], day(march, 3), day(march, 6));
    bens = await book({ token: ben.token }, [0], day(march, 10), day(march, 12));
    guests = await book({ guest }, [0], day(march, 14), day(march, 15));
    held = await book({ token: ben.token }, [0], day(march, 20), day(march, 22), "/holds");
  });

  test("admins see every booking with its booker's name: a member's account name, a guest's contact name", async () => {
    const bookings = await roomIn(march, 0);
    expect(bookings).toEqual([
      {
        id: annas.id,
        start: expect.stringMatching(/Z$/),
        end: expect.stringMatching(/Z$/),
        status: "confirmed",
        checkIn: day(march, 3),
        checkOut: day(march, 6),
        label: anna.person.name,
      },
      expect.objectContaining({ id: bens.id, status: "confirmed", label: ben.person.name }),
      expect.objectContaining({ id: guests.id, status: "confirmed", label: guest.name }),
      expect.objectContaining({ id: held.id, status: "held", label: ben.person.name }),
    ]);
    // 15:00 and 10:00 in Auckland (UTC+13): 02:00 and 21:00 UTC.
    expect(bookings[0]?.start).toBe(`${day(march, 3)}T02:00:00.000Z`);
    expect(bookings[0]?.end).toBe(`${day(march, 5)}T21:00:00.000Z`);
  });

  test("a member sees their own bookings in full and everyone else's as anonymous busy times", async () => {
    const bookings = await roomIn(march, 0, anna.token);
    expect(bookings).toEqual([
      {
        id: annas.id,
        start: `${day(march, 3)}T02:00:00.000Z`,
        end: `${day(march, 5)}T21:00:00.000Z`,
        status: "confirmed",
        checkIn: day(march, 3),
        checkOut: day(march, 6),
        label: null,
      },
      { id: null, start: expect.any(String), end: expect.any(String), status: null, label: null },
      { id: null, start: expect.any(String), end: expect.any(String), status: null, label: null },
      { id: null, start: expect.any(String), end: expect.any(String), status: null, label: null },
    ]);
    const asBen = await roomIn(march, 0, ben.token);
    expect(idsOf(asBen)).toEqual([null, bens.id, null, held.id]);
    expect(asBen[3]?.status).toBe("held");
  });

  test("every resource of the venue is listed, in creation order, also without bookings", async () => {
    const answer = await calendar(march);
    expect(answer.resources.map((resource) => resource.name)).toEqual([
      "Room 1",
      "Room 2",
      "Room 3",
      "Room 4",
    ]);
  });
});

describe("months, moves and statuses", () => {
  let member: Member;

  beforeAll(async () => {
    member = await activeUser(call);
  });

  test("months begin at local midnight in the venue's zone", async () => {
    // Out on 1 March at 10:00 in Auckland, which is still 28 February in UTC.
    const across = await book({ token: member.token }, [1], day(february, 26), day(march, 1));
    // In on 1 March at 15:00, which is 1 March 02:00 UTC.
    const first = await book({ token: member.token }, [1], day(march, 1), day(march, 2));
    // In on 1 April at 15:00 (02:00 UTC): April only.
    const april1 = await book({ token: member.token }, [1], day(april, 1), day(april, 2));
    // In on 31 March, out on 1 April: both months.
    const last = await book({ token: member.token }, [1], day(march, 31), day(april, 1));

    expect(idsOf(await roomIn(february, 1))).toEqual([across.id]);
    expect(idsOf(await roomIn(march, 1))).toEqual([across.id, first.id, last.id]);
    expect(idsOf(await roomIn(april, 1))).toEqual([last.id, april1.id]);
  });

  test("a stay of several rooms is listed under each of them", async () => {
    const both = await book({ token: member.token }, [2, 3], day(march, 8), day(march, 10));
    expect(idsOf(await roomIn(march, 2))).toContain(both.id);
    expect(idsOf(await roomIn(march, 3))).toContain(both.id);
    // Moved to the third room alone: it leaves the fourth.
    await act("PATCH", `/bookings/${both.id}`, { resourceIds: [rooms[2]] });
    expect(idsOf(await roomIn(march, 2))).toContain(both.id);
    expect(idsOf(await roomIn(march, 3))).not.toContain(both.id);
  });

  test("cancelled bookings and expired holds are gone; a reschedule moves a booking between months", async () => {
    const cancelled = await book({ token: member.token }, [2], day(march, 20), day(march, 22));
    expect(idsOf(await roomIn(march, 2))).toContain(cancelled.id);
    await act("DELETE", `/bookings/${cancelled.id}`);
    expect(idsOf(await roomIn(march, 2))).not.toContain(cancelled.id);

    const moving = await book({ token: member.token }, [3], day(march, 24), day(march, 26));
    expect(idsOf(await roomIn(march, 3))).toContain(moving.id);
    const moved = await act("PATCH", `/bookings/${moving.id}`, {
      checkIn: day(april, 10),
      checkOut: day(april, 12),
    });
    expect(moved.status).toBe("confirmed");
    expect(idsOf(await roomIn(march, 3))).not.toContain(moving.id);
    const inApril = await roomIn(april, 3);
    expect(inApril.find((booking) => booking.id === moving.id)).toMatchObject({
      checkIn: day(april, 10),
      checkOut: day(april, 12),
      status: "confirmed",
    });
  });

  test("a retired room is listed only in months where it has bookings", async () => {
    const { body } = await call<{ resource: { id: string } }>(
      "POST",
      `/venues/${venueId}/resources`,
      { token: owner, body: { name: "Annex", kind: "room", capacity: 2 } },
    );
    const annex = body.resource.id;
    await call("PATCH", `/offerings/${offeringId}`, {
      token: owner,
      body: { resourceIds: [...rooms, annex] },
    });
    const stay = await call<{ booking: Booking }>("POST", "/bookings", {
      token: member.token,
      body: {
        offeringId,
        resourceIds: [annex],
        checkIn: day(march, 12),
        checkOut: day(march, 13),
        guests: 1,
      },
    });
    expect(stay.status).toBe(201);
    const retired = await call("PATCH", `/resources/${annex}`, {
      token: owner,
      body: { active: false },
    });
    expect(retired.status).toBe(200);
    const inMarch = await calendar(march);
    expect(inMarch.resources.find((resource) => resource.id === annex)?.bookings).toEqual([
      expect.objectContaining({ id: stay.body.booking.id }),
    ]);
    const inMay = await calendar(`${year}-05`);
    expect(inMay.resources.map((resource) => resource.id)).not.toContain(annex);
    expect(inMay.resources).toHaveLength(4);
  });

  test("an unknown venue is 404, a month that is not YYYY-MM 400", async () => {
    const unknown = await call("GET", `/venues/${crypto.randomUUID()}/calendar?month=${march}`, {
      token: owner,
    });
    expect(unknown.status).toBe(404);
    for (const month of ["2027-13", "2027-3", "March", "", "2027-03-01"]) {
      const bad = await call("GET", `/venues/${venueId}/calendar?month=${month}`, {
        token: owner,
      });
      expect(bad.status, month).toBe(400);
    }
    const missing = await call("GET", `/venues/${venueId}/calendar`, { token: owner });
    expect(missing.status).toBe(400);
  });
});

describe("erasure", () => {
  test("names are never copied into the calendar; after erasure the labels read as erased", async () => {
    const member = await activeUser(call);
    const guest = { name: "Greta Gästin", email: "greta@example.org", phone: "+64 21 555 0202" };
    const membersStay = await book({ token: member.token }, [0], day(april, 20), day(april, 22));
    const guestsStay = await book({ guest }, [1], day(april, 20), day(april, 22));
    const names = [member.person.name, guest.name];

    const labels = async () => {
      const room0 = await roomIn(april, 0);
      const room1 = await roomIn(april, 1);
      return [
        room0.find((booking) => booking.id === membersStay.id)?.label,
        room1.find((booking) => booking.id === guestsStay.id)?.label,
      ];
    };
    expect(await labels()).toEqual(names);
    const pool = server().deps.database.pool;
    const calendarTables = (findings: { place: string }[]) =>
      findings.filter((finding) => finding.place.includes(".calendar_"));
    const before = await scanForPersonalData(pool, names);
    expect(before.length).toBeGreaterThan(0); // the account and the booking's contact
    expect(calendarTables(before)).toEqual([]);

    expect((await call("DELETE", "/me", { token: member.token })).status).toBe(204);
    const erased = await call("DELETE", `/bookings/${guestsStay.id}/guest`, { token: owner });
    expect(erased.status).toBe(200);

    // As the user object and the booking's contact read after erasure.
    expect(await labels()).toEqual(["erased", "[erased]"]);
    expect(await scanForPersonalData(pool, [...names, guest.email, member.person.email])).toEqual(
      [],
    );
  });
});

test("GET /ready lists the calendar projection with lag 0 once it caught up", async () => {
  await caughtUp(server().url, "calendar");
  const readiness = (await (await fetch(`${server().url}/ready`)).json()) as {
    projections: unknown[];
  };
  expect(readiness.projections).toContainEqual({ name: "calendar", lag: 0 });
});
