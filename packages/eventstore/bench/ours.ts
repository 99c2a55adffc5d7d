import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { createEventStore } from "../src/event-store.ts";
import { migrateEventStore } from "../src/migrations/migrate.ts";
import type { Contender } from "./contender.ts";

export async function createOurs(url: string, poolSize: number): Promise<Contender> {
  const migrationDb = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  await migrateEventStore(migrationDb);
  await migrationDb.destroy();
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Stopping the server at the end terminates idle clients: expected.
  pool.on("error", () => {});
  const store = createEventStore({ pool });
  const payload = (n: number) => ({ type: "BenchEvent", data: { n, note: "benchmark" } });
  return {
    name: "ours",
    async appendToNewStream(stream) {
      await store.append(stream, [payload(0)], { expectedVersion: "no_stream" });
    },
    async appendExact(stream, expectedVersion) {
      const result = await store.append(stream, [payload(expectedVersion)], { expectedVersion });
      return result.nextExpectedVersion;
    },
    async appendMany(stream, count) {
      await store.append(
        stream,
        Array.from({ length: count }, (_, i) => payload(i)),
      );
    },
    async readStream(stream) {
      return (await store.readStream(stream)).length;
    },
    async catchUp(name, total) {
      let seen = 0;
      let done: () => void = () => {};
      const finished = new Promise<void>((resolve) => {
        done = resolve;
      });
      const runner = store.subscribe({
        name,
        batchSize: 500,
        pollIntervalMs: 100,
        async handle(events) {
          seen += events.length;
          if (seen >= total) done();
        },
      });
      runner.start();
      await finished;
      await runner.stop();
    },
    async analyze() {
      await pool.query("ANALYZE");
    },
    close: () => pool.end(),
  };
}
