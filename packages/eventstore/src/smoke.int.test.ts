import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { expect, test } from "vitest";

const database = useTestDatabase();

test("a test database is migrated", async () => {
  const client = new pg.Client({ connectionString: database().url });
  await client.connect();
  const { rows } = await client.query("SELECT count(*)::int AS n FROM eventstore_placeholder");
  await client.end();
  expect(rows[0].n).toBe(0);
});
