import {
  createBookingInputSchema,
  createOfferingInputSchema,
  createResourceInputSchema,
  createVenueInputSchema,
} from "@booking/contracts";
import { changeBookingStatus, createBooking } from "../bookings/bookings.service.ts";
import { createOffering, createResource, createVenue } from "../catalog/catalog.service.ts";
import { type AppContext, internalContext } from "../context/app-context.ts";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import {
  holidayHome,
  holidayRooms,
  workshop,
  workshopBays,
  workshopServices,
} from "./demo-catalog.ts";

/**
 * Loads the demo (a holiday home and a workshop, with a few bookings) into an empty
 * catalog, through the same use cases and input schemas a person's requests go through,
 * acting as the owner. Returns
 * false when there is already a venue: demo data never mixes with real data.
 */
export async function loadDemoData(deps: AppDependencies, now = new Date()): Promise<boolean> {
  const { db } = deps.database;
  const anyVenue = await db.selectFrom("venues").select("id").limit(1).executeTakeFirst();
  if (anyVenue) return false;
  const ownerRow = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "owner")
    .executeTakeFirst();
  const ownerId = ownerRow?.id;
  if (!ownerId) return false;
  const principal: UserPrincipal = {
    kind: "user",
    userId: ownerId,
    role: "owner",
    status: "active",
    credential: { type: "session", sessionId: "demo" },
  };
  const owner = internalContext(deps, principal, "demo");
  const venue = (input: unknown) =>
    createVenue(owner, principal, createVenueInputSchema.parse(input));
  const resource = async (venueId: string, input: unknown) =>
    (await createResource(owner, principal, venueId, createResourceInputSchema.parse(input))).id;
  const offering = (venueId: string, input: unknown) =>
    createOffering(owner, principal, venueId, createOfferingInputSchema.parse(input));
  const book = (ctx: AppContext, input: unknown) =>
    createBooking(ctx, createBookingInputSchema.parse(input), "RequestBooking");

  const home = await venue(holidayHome);
  const roomIds: string[] = [];
  for (const room of holidayRooms) roomIds.push(await resource(home.id, room));
  const stay = await offering(home.id, {
    name: "Übernachtung",
    mode: "stay",
    resourceIds: roomIds,
    price: { amount: 6500, currency: "EUR" },
    stay: {
      minNights: 1,
      maxNights: 14,
      checkInTime: "15:00",
      checkOutTime: "10:00",
      perGuestNightly: 1000,
    },
  });

  const garage = await venue(workshop);
  const bayIds: string[] = [];
  for (const bay of workshopBays) bayIds.push(await resource(garage.id, bay));
  const services = [];
  for (const service of workshopServices) {
    services.push(await offering(garage.id, { ...service, resourceIds: bayIds }));
  }

  // A few stays by the owner (one confirmed, one waiting for approval) and a guest at the
  // garage. Best effort: a date that happens to fall on a closure must not stop the start.
  const attempt = async (what: string, book: () => Promise<unknown>) => {
    try {
      await book();
    } catch (error) {
      deps.logger.warn({ err: error, what }, "a demo booking was skipped");
    }
  };
  await attempt("confirmed stay", async () => {
    const { booking } = await book(owner, {
      offeringId: stay.id,
      resourceIds: [roomIds[2] ?? ""],
      checkIn: localDate(now, 14),
      checkOut: localDate(now, 18),
      guests: 4,
      notes: "Sommerferien",
    });
    await changeBookingStatus(owner, booking.id, { type: "ConfirmBooking" });
  });
  await attempt("pending stay", () =>
    book(owner, {
      offeringId: stay.id,
      resourceIds: [roomIds[0] ?? ""],
      checkIn: localDate(now, 30),
      checkOut: localDate(now, 32),
      guests: 2,
    }),
  );
  const inspection = services[1];
  if (inspection) {
    await attempt("workshop appointment", () =>
      book(internalContext(deps, { kind: "anonymous" }, "demo"), {
        offeringId: inspection.id,
        start: weekdayAt(now, 3, 9),
        guests: 1,
        answers: { make: "VW", model: "Golf", plate: "KI-AB 123" },
        guest: { name: "Erika Mustermann", email: "erika@example.org", phone: "+49 431 1234567" },
      }),
    );
  }
  deps.logger.info({ venues: [home.id, garage.id] }, "demo data loaded");
  return true;
}

function localDate(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** `hour`:00 Berlin time on the first Monday–Friday at least `days` ahead, as an instant. */
function weekdayAt(now: Date, days: number, hour: number): string {
  let date = new Date(now.getTime() + days * 86_400_000);
  while ([0, 6].includes(date.getUTCDay())) date = new Date(date.getTime() + 86_400_000);
  const day = date.toISOString().slice(0, 10);
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat("en", {
    timeZone: "Europe/Berlin",
    timeZoneName: "shortOffset",
  })
    .formatToParts(noonUtc)
    .find((part) => part.type === "timeZoneName")?.value;
  const hours = Number(offset?.replace("GMT", "") || 0);
  return new Date(
    Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`) - hours * 3_600_000,
  ).toISOString();
}
