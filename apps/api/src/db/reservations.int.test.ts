import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const database = useTestDatabase();
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: database().url, max: 20 });
  // The test database is dropped (with force) after the file: idle clients may see that.
  pool.on("error", () => {});
});
afterAll(async () => {
  await pool.end();
});

const reserve = (resourceId: string, from: string, to: string, blocking = true) =>
  pool.query(
    "INSERT INTO reservations (booking_id, resource_id, period, blocking) VALUES ($1, $2, tstzrange($3, $4), $5)",
    [randomUUID(), resourceId, from, to, blocking],
  );

describe("the reservations exclusion constraint", () => {
  test("overlapping blocking periods on one resource are refused with 23P01", async () => {
    const room = randomUUID();
    await reserve(room, "2027-05-01T13:00Z", "2027-05-03T08:00Z");
    await expect(reserve(room, "2027-05-02T13:00Z", "2027-05-04T08:00Z")).rejects.toMatchObject({
      code: "23P01",
      constraint: "reservations_no_overlap",
    });
  });

  test("touching periods, other resources and non-blocking rows do not conflict", async () => {
    const room = randomUUID();
    await reserve(room, "2027-06-01T13:00Z", "2027-06-03T08:00Z");
    await reserve(room, "2027-06-03T08:00Z", "2027-06-05T08:00Z");
    await reserve(randomUUID(), "2027-06-01T13:00Z", "2027-06-03T08:00Z");
    await reserve(room, "2027-06-01T13:00Z", "2027-06-03T08:00Z", false);
  });

  test("of 50 concurrent overlapping inserts exactly one wins", async () => {
    const room = randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        reserve(
          room,
          `2027-07-01T${String(10 + (i % 5)).padStart(2, "0")}:00Z`,
          "2027-07-02T10:00Z",
        ),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});
