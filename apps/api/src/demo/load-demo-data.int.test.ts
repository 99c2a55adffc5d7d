import { describe, expect, test } from "vitest";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import { loadDemoData } from "./load-demo-data.ts";

const server = useTestServer({ env: { BOOKING_DEMO: "1" } });
const call = restClient(() => server().url);

describe("demo data (BOOKING_DEMO=1)", () => {
  test("a holiday home with 5 rooms and a workshop with 3 bays and 3 services, with bookings", async () => {
    const venues = await call<{
      items: { id: string; name: string; policies: { approvalRequired: boolean } }[];
    }>("GET", "/venues");
    expect(venues.body.items.map((venue) => venue.name).sort()).toEqual([
      "Ferienhaus am See",
      "Kfz-Werkstatt Krüger",
    ]);
    const home = venues.body.items.find((venue) => venue.name === "Ferienhaus am See");
    const garage = venues.body.items.find((venue) => venue.name === "Kfz-Werkstatt Krüger");
    expect(home?.policies.approvalRequired).toBe(true);
    const rooms = await call<{ items: unknown[] }>("GET", `/venues/${home?.id}/resources`);
    const bays = await call<{ items: unknown[] }>("GET", `/venues/${garage?.id}/resources`);
    const services = await call<{
      items: { slot: { durationMinutes: number; bufferBeforeMinutes: number } }[];
    }>("GET", `/venues/${garage?.id}/offerings`);
    expect(rooms.body.items).toHaveLength(5);
    expect(bays.body.items).toHaveLength(3);
    expect(services.body.items.map((service) => service.slot.durationMinutes)).toEqual([
      30, 60, 90,
    ]);
    expect(services.body.items.every((service) => service.slot.bufferBeforeMinutes === 15)).toBe(
      true,
    );
    const rows = await server()
      .deps.database.db.selectFrom("bookings")
      .select("status")
      .orderBy("status")
      .execute();
    expect(rows.map((row) => row.status)).toEqual(expect.arrayContaining(["confirmed", "pending"]));
  });

  test("never loads into a catalog that has venues", async () => {
    expect(await loadDemoData(server().deps)).toBe(false);
  });
});
