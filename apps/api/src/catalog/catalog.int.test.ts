import { errorEnvelopeSchema, offeringSchema, venueSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { ownerToken } from "../../test/accounts.ts";
import {
  createResource,
  createVenue,
  slotOffering,
  workshopVenue,
} from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

async function countVenues(): Promise<number> {
  const { n } = await server()
    .deps.database.db.selectFrom("venues")
    .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("n"))
    .executeTakeFirstOrThrow();
  return n;
}

describe("venues", () => {
  test("an admin creates a venue; anyone reads it", async () => {
    const token = await ownerToken(call);
    const id = await createVenue(call, token);
    const read = await call<{ venue: unknown }>("GET", `/venues/${id}`);
    expect(read.status).toBe(200);
    expect(venueSchema.parse(read.body.venue)).toMatchObject({ id, ...workshopVenue() });
  });

  test("PATCH changes only the given fields, and the change is an event with an author", async () => {
    const token = await ownerToken(call);
    const id = await createVenue(call, token);
    const patched = await call<{ venue: { name: string; policies: { holdTtlMinutes: number } } }>(
      "PATCH",
      `/venues/${id}`,
      { token, body: { name: "Werkstatt Schmidt" } },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.venue.name).toBe("Werkstatt Schmidt");
    expect(patched.body.venue.policies.holdTtlMinutes).toBe(10);
    const events = await server().deps.eventStore.readStream(`venue-${id}`);
    expect(events.map((event) => event.type)).toEqual(["VenueCreated", "VenueUpdated"]);
    expect(events[1]?.data).toMatchObject({ patch: { name: "Werkstatt Schmidt" } });
    expect(events[1]?.actor).toEqual({ userId: expect.any(String) });
  });

  test("invalid zones, currencies and overlapping hours are 400 and change nothing", async () => {
    const token = await ownerToken(call);
    const before = await countVenues();
    const response = await call("POST", "/venues", {
      token,
      body: workshopVenue({
        timeZone: "Mars/Olympus",
        currency: "EURO",
        openingHours: {
          ...workshopVenue().openingHours,
          mon: [
            ["08:00", "12:00"],
            ["11:00", "13:00"],
          ],
        },
      }),
    });
    expect(response.status).toBe(400);
    const { error } = errorEnvelopeSchema.parse(response.body);
    expect(Object.keys(error.details ?? {}).sort()).toEqual([
      "currency",
      "openingHours.mon",
      "timeZone",
    ]);
    expect(await countVenues()).toBe(before);
  });

  test("search by postal-code prefix and by distance", async () => {
    const token = await ownerToken(call);
    const munich = await createVenue(call, token, {
      name: "Ferienhaus Alpenblick",
      address: { street: "Bergweg 2", postalCode: "83471", city: "Berchtesgaden", country: "DE" },
      location: { lat: 47.63, lng: 13.0 },
    });
    const berlin = await createVenue(call, token);
    const byPrefix = await call<{ items: { id: string }[] }>("GET", "/venues?postalCode=834");
    expect(byPrefix.body.items.map((venue) => venue.id)).toContain(munich);
    expect(byPrefix.body.items.map((venue) => venue.id)).not.toContain(berlin);
    const nearBerlin = await call<{ items: { id: string }[] }>(
      "GET",
      "/venues?near=52.52,13.40&radiusKm=50",
    );
    expect(nearBerlin.body.items.map((venue) => venue.id)).toContain(berlin);
    expect(nearBerlin.body.items.map((venue) => venue.id)).not.toContain(munich);
    const nearAlps = await call<{ items: { id: string }[] }>("GET", "/venues?near=47.6,13.0");
    expect(nearAlps.body.items[0]?.id).toBe(munich);
    expect((await call("GET", "/venues?near=95,13")).status).toBe(400);
  });

  test("a postal-code prefix is taken literally: % and _ are no wildcards", async () => {
    const token = await ownerToken(call);
    const at = (postalCode: string) =>
      createVenue(call, token, {
        address: { street: "Weg 1", postalCode, city: "Teststadt", country: "DE" },
      });
    const plain = await at("79211");
    const percent = await at("792%5");
    const underscore = await at("7_211");
    const ids = async (prefix: string) =>
      (
        await call<{ items: { id: string }[] }>(
          "GET",
          `/venues?postalCode=${encodeURIComponent(prefix)}&limit=200`,
        )
      ).body.items.map((venue) => venue.id);
    const byPercent = await ids("792%");
    expect(byPercent).toContain(percent);
    expect(byPercent).not.toContain(plain);
    const byUnderscore = await ids("7_2");
    expect(byUnderscore).toContain(underscore);
    expect(byUnderscore).not.toContain(plain);
    expect(await ids("792")).toEqual(expect.arrayContaining([plain, percent]));
  });
});

describe("resources and offerings", () => {
  test("a venue's resources and offerings, in creation order", async () => {
    const token = await ownerToken(call);
    const venueId = await createVenue(call, token);
    const bays = [
      await createResource(call, token, venueId, "Bay 1"),
      await createResource(call, token, venueId, "Bay 2"),
    ];
    const created = await call<{ offering: unknown }>("POST", `/venues/${venueId}/offerings`, {
      token,
      body: slotOffering(bays),
    });
    expect(created.status).toBe(201);
    const offering = offeringSchema.parse(created.body.offering);
    const resources = await call<{ items: { id: string }[] }>(
      "GET",
      `/venues/${venueId}/resources`,
    );
    expect(resources.body.items.map((resource) => resource.id)).toEqual(bays);
    const offerings = await call<{ items: { id: string }[] }>(
      "GET",
      `/venues/${venueId}/offerings`,
    );
    expect(offerings.body.items.map((item) => item.id)).toEqual([offering.id]);

    const retired = await call<{ resource: { active: boolean } }>(
      "PATCH",
      `/resources/${bays[1]}`,
      {
        token,
        body: { active: false },
      },
    );
    expect(retired.body.resource.active).toBe(false);
  });

  test("an offering may not book another venue's resources, change its mode or its currency", async () => {
    const token = await ownerToken(call);
    const venueId = await createVenue(call, token);
    const otherVenue = await createVenue(call, token);
    const foreignBay = await createResource(call, token, otherVenue);
    const ownBay = await createResource(call, token, venueId);
    const foreign = await call("POST", `/venues/${venueId}/offerings`, {
      token,
      body: slotOffering([foreignBay]),
    });
    expect(foreign.status).toBe(400);
    const wrongCurrency = await call("POST", `/venues/${venueId}/offerings`, {
      token,
      body: { ...slotOffering([ownBay]), price: { amount: 100, currency: "USD" } },
    });
    expect(wrongCurrency.status).toBe(400);
    const created = await call<{ offering: { id: string } }>(
      "POST",
      `/venues/${venueId}/offerings`,
      {
        token,
        body: slotOffering([ownBay]),
      },
    );
    const modeChange = await call("PATCH", `/offerings/${created.body.offering.id}`, {
      token,
      body: { stay: { minNights: 1 } },
    });
    expect(modeChange.status).toBe(400);
  });

  test("a number question keeps its bounds; bounds the wrong way round are 400", async () => {
    const token = await ownerToken(call);
    const venueId = await createVenue(call, token);
    const bay = await createResource(call, token, venueId);
    const mileage = { key: "mileage", label: "Mileage", type: "number", required: false };
    const created = await call<{ offering: unknown }>("POST", `/venues/${venueId}/offerings`, {
      token,
      body: { ...slotOffering([bay]), questions: [{ ...mileage, min: 0, max: 500_000 }] },
    });
    expect(created.status).toBe(201);
    const offering = offeringSchema.parse(created.body.offering);
    expect(offering.questions).toEqual([{ ...mileage, min: 0, max: 500_000 }]);

    const reversed = await call("PATCH", `/offerings/${offering.id}`, {
      token,
      body: { questions: [{ ...mileage, min: 10, max: 1 }] },
    });
    expect(reversed.status).toBe(400);
    const { error } = errorEnvelopeSchema.parse(reversed.body);
    expect(error.details).toEqual({ "questions.0.max": ["must not be below min"] });
    const read = await call<{ offering: unknown }>("GET", `/offerings/${offering.id}`);
    expect(offeringSchema.parse(read.body.offering).questions).toEqual(offering.questions);
  });

  test("unknown ids are 404", async () => {
    const token = await ownerToken(call);
    const unknown = "0b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e";
    expect((await call("GET", `/venues/${unknown}`)).status).toBe(404);
    expect((await call("GET", `/venues/${unknown}/resources`)).status).toBe(404);
    expect(
      (await call("PATCH", `/resources/${unknown}`, { token, body: { name: "x" } })).status,
    ).toBe(404);
    expect(
      (await call("POST", `/venues/${unknown}/offerings`, { token, body: slotOffering([unknown]) }))
        .status,
    ).toBe(404);
  });
});
