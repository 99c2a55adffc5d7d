import { addDays, berlinInstant, today, tuesdayAfter } from "./dates.ts";
import { closedLoop, type HttpClient } from "./http-load.ts";

const api = "/api/v1";
const closed: [string, string][] = [];
const weekday: [string, string][] = [["08:00", "17:00"]];
const noHours = { mon: closed, tue: closed, wed: closed, thu: closed, fri: closed, sat: closed };

function venue(name: string, policies: Record<string, unknown>, openingHours: unknown) {
  return {
    name,
    timeZone: "Europe/Berlin",
    currency: "EUR",
    address: { street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" },
    location: { lat: 52.532, lng: 13.384 },
    openingHours,
    closures: [],
    policies: {
      holdTtlMinutes: 10,
      cancellationNoticeHours: 48,
      ...policies,
    },
  };
}

export const holidayHome = (name: string, approvalRequired = false) =>
  venue(
    name,
    { approvalRequired, minNoticeMinutes: 0, maxAdvanceDays: 730 },
    { ...noHours, sun: closed },
  );

const workshop = venue(
  "Werkstatt Müller",
  { approvalRequired: false, minNoticeMinutes: 60, maxAdvanceDays: 90 },
  {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: [["09:00", "13:00"]],
    sun: closed,
  },
);

export interface Offering {
  venueId: string;
  offeringId: string;
  resourceIds: string[];
}

export async function venueWithOffering(
  client: HttpClient,
  token: string,
  kind: "stay" | "slot",
  body: unknown,
  count: number,
): Promise<Offering> {
  const { venue: created } = await client.json<{ venue: { id: string } }>(
    "POST",
    `${api}/venues`,
    201,
    { token, body },
  );
  const resourceIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const { resource } = await client.json<{ resource: { id: string } }>(
      "POST",
      `${api}/venues/${created.id}/resources`,
      201,
      {
        token,
        body: {
          name: `${kind === "stay" ? "Room" : "Bay"} ${i}`,
          kind: kind === "stay" ? "room" : "bay",
          capacity: kind === "stay" ? 4 : 1,
        },
      },
    );
    resourceIds.push(resource.id);
  }
  const offering =
    kind === "stay"
      ? {
          name: "Zimmer",
          mode: "stay",
          resourceIds,
          price: { amount: 4500, currency: "EUR" },
          stay: { minNights: 1, maxNights: 14, perGuestNightly: 500 },
        }
      : {
          name: "Inspection",
          mode: "slot",
          resourceIds,
          price: { amount: 8900, currency: "EUR" },
          slot: {
            durationMinutes: 60,
            bufferBeforeMinutes: 15,
            bufferAfterMinutes: 15,
            stepMinutes: 15,
          },
        };
  const { offering: createdOffering } = await client.json<{ offering: { id: string } }>(
    "POST",
    `${api}/venues/${created.id}/offerings`,
    201,
    { token, body: offering },
  );
  return { venueId: created.id, offeringId: createdOffering.id, resourceIds };
}

export interface StayTarget {
  room: number;
  checkIn: string;
  checkOut: string;
}

/**
 * `perRoom` stays of 1–3 nights per room with a free night now and then, from the day
 * after tomorrow on: 500 per room fill about 700 of the 730 days a venue may book ahead.
 * Interleaved by room, so concurrent writers never wait for one another.
 */
export function seedStays(rooms: number, perRoom: number, first: string): StayTarget[] {
  const pattern = [1, 2, 1, 1, 1, 1, 1, 3, 1, 1];
  const cursors = Array.from({ length: rooms }, (_, room) => 2 + (room % 3));
  const stays: StayTarget[] = [];
  for (let k = 0; k < perRoom; k++) {
    for (let room = 0; room < rooms; room++) {
      const nights = pattern[(k + room) % pattern.length] ?? 1;
      if ((k + room) % 10 === 9) (cursors[room] as number) += 1;
      const start = cursors[room] as number;
      stays.push({
        room,
        checkIn: addDays(first, start),
        checkOut: addDays(first, start + nights),
      });
      cursors[room] = start + nights;
    }
  }
  return stays;
}

/** One night per room and day: every target distinct, so creates never contend. */
export function freeNights(rooms: number, fromDay: number, toDay: number, first: string) {
  const targets: StayTarget[] = [];
  for (let day = fromDay; day < toDay; day++) {
    for (let room = 0; room < rooms; room++) {
      targets.push({ room, checkIn: addDays(first, day), checkOut: addDays(first, day + 1) });
    }
  }
  return targets;
}

export function stayBody(offering: Offering, target: StayTarget, guests: number) {
  return {
    offeringId: offering.offeringId,
    resourceIds: [offering.resourceIds[target.room]],
    checkIn: target.checkIn,
    checkOut: target.checkOut,
    guests,
  };
}

export interface Seeded {
  token: string;
  today: string;
  stay: Offering;
  slot: Offering;
  slotDate: string;
  /** A second holiday home, left empty, whose free nights the create benchmark books. */
  createTarget: Offering;
  stayBookings: number;
  slotBookings: number;
  seconds: number;
}

export async function seed(
  client: HttpClient,
  owner: { email: string; password: string },
  options: { rooms: number; bookingsPerRoom: number; concurrency: number },
): Promise<Seeded> {
  const started = performance.now();
  const { token } = await client.json<{ token: string }>("POST", `${api}/auth/login`, 200, {
    body: owner,
  });
  const first = today();
  const stay = await venueWithOffering(
    client,
    token,
    "stay",
    holidayHome("Ferienhaus am See"),
    options.rooms,
  );
  const slot = await venueWithOffering(client, token, "slot", workshop, 5);
  const createTarget = await venueWithOffering(
    client,
    token,
    "stay",
    holidayHome("Ferienhaus am Berg"),
    options.rooms,
  );

  const stays = seedStays(options.rooms, options.bookingsPerRoom, first);
  const last =
    stays
      .map((s) => s.checkIn)
      .sort()
      .at(-1) ?? first;
  if (last > addDays(first, 725)) throw new Error(`seed stays run past the window (${last})`);
  await closedLoop(
    options.concurrency,
    { maxOperations: stays.length, maxSeconds: 600 },
    async (i) => {
      const target = stays[i] as StayTarget;
      await client.json("POST", `${api}/bookings`, 201, {
        token,
        body: stayBody(stay, target, 1 + (i % 4)),
      });
    },
  );

  // The workshop's measured day: three services at each of five start times, the bay left
  // to the api (it picks a free one), so three of the five bays are busy most of the day.
  const slotDate = tuesdayAfter(first, 7);
  const starts = ["08:15", "09:45", "11:15", "13:30", "15:00"];
  let slotBookings = 0;
  for (const time of starts) {
    for (let n = 0; n < 3; n++) {
      await client.json("POST", `${api}/bookings`, 201, {
        token,
        body: { offeringId: slot.offeringId, start: berlinInstant(slotDate, time), guests: 1 },
      });
      slotBookings++;
    }
  }
  return {
    token,
    today: first,
    stay,
    slot,
    slotDate,
    createTarget,
    stayBookings: stays.length,
    slotBookings,
    seconds: (performance.now() - started) / 1000,
  };
}

export interface SeededFeed {
  venue: Offering;
  /** The feed's path (the url's pathname): the token is in it. */
  feedPath: string;
  bookings: number;
  seconds: number;
}

/**
 * A third holiday home for the venue feed: `rooms` × `perRoom` stays booked over the api
 * like the main seed (the same pattern, a fifth of its length), and an admin's feed of it.
 * About 2,000 bookings take a few seconds at this concurrency.
 */
export async function seedFeedVenue(
  client: HttpClient,
  token: string,
  options: { rooms: number; bookingsPerRoom: number; concurrency: number },
): Promise<SeededFeed> {
  const started = performance.now();
  const venue = await venueWithOffering(
    client,
    token,
    "stay",
    holidayHome("Ferienhaus im Wald"),
    options.rooms,
  );
  const stays = seedStays(options.rooms, options.bookingsPerRoom, today());
  await closedLoop(
    options.concurrency,
    { maxOperations: stays.length, maxSeconds: 600 },
    async (i) => {
      await client.json("POST", `${api}/bookings`, 201, {
        token,
        body: stayBody(venue, stays[i] as StayTarget, 1 + (i % 4)),
      });
    },
  );
  const feedPath = await createVenueFeed(client, token, venue.venueId, "Ferienhaus im Wald");
  return {
    venue,
    feedPath,
    bookings: stays.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A new feed of a venue (the caller must be an admin); its path, token included. */
export async function createVenueFeed(
  client: HttpClient,
  token: string,
  venueId: string,
  name: string,
): Promise<string> {
  const { url } = await client.json<{ url: string }>("POST", `${api}/me/feeds`, 201, {
    token,
    body: { name, venueId },
  });
  return new URL(url).pathname;
}
