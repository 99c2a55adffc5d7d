import { useTestDatabase } from "@booking/vitest-config/test-database";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { databaseColumns } from "./schema.ts";

interface InformationSchema {
  "information_schema.columns": {
    table_schema: string;
    table_name: string;
    column_name: string;
    is_nullable: "YES" | "NO";
  };
  "information_schema.tables": { table_schema: string; table_name: string; table_type: string };
}

const database = useTestDatabase();
let db: Kysely<InformationSchema>;
beforeAll(() => {
  db = new Kysely({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: database().url, max: 1 }),
    }),
  });
});
afterAll(async () => {
  await db.destroy();
});

/**
 * `table.column` of every column of the api's tables in the migrated database, `+ null` when
 * nullable. The api's tables are all but the event store's (`eventstore_*`, its own package's)
 * and Kysely's migration bookkeeping (`kysely_migration*`).
 */
async function migratedColumns(on: Kysely<InformationSchema>): Promise<string[]> {
  const rows = await on
    .selectFrom("information_schema.columns as c")
    .innerJoin("information_schema.tables as t", (join) =>
      join
        .onRef("t.table_schema", "=", "c.table_schema")
        .onRef("t.table_name", "=", "c.table_name"),
    )
    .select(["c.table_name", "c.column_name", "c.is_nullable"])
    .where("c.table_schema", "=", sql<string>`current_schema()`)
    .where("t.table_type", "=", "BASE TABLE")
    .where("c.table_name", "not like", "eventstore\\_%")
    .where("c.table_name", "not like", "kysely\\_migration%")
    .execute();
  return rows
    .map(
      (row) => `${row.table_name}.${row.column_name}${row.is_nullable === "YES" ? " + null" : ""}`,
    )
    .sort();
}

const declaredColumns = Object.entries(databaseColumns)
  .flatMap(([table, columns]) =>
    Object.entries(columns).map(
      ([column, nullable]) => `${table}.${column}${nullable ? " + null" : ""}`,
    ),
  )
  .sort();

describe("the Database interface (db/schema.ts)", () => {
  test("names exactly the tables and columns the migrations create, nullable where they are", async () => {
    expect(await migratedColumns(db)).toEqual(declaredColumns);
  });

  test("a column a migration adds and the interface lacks is found", async () => {
    class RolledBack extends Error {}
    let columns: string[] = [];
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`ALTER TABLE venues ADD COLUMN capacity integer`.execute(trx);
        await sql`ALTER TABLE sessions ALTER COLUMN revoked_at SET NOT NULL`.execute(trx);
        columns = await migratedColumns(trx);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(columns).toContain("venues.capacity + null");
    expect(columns).toContain("sessions.revoked_at");
    expect(columns).not.toEqual(declaredColumns);
    expect(await migratedColumns(db)).toEqual(declaredColumns);
  });
});
