import {
  getPostgreSQLEventStore,
  postgreSQLEventStoreConsumer,
} from "@event-driven-io/emmett-postgresql";
import pg from "pg";
import type { Contender } from "./contender.ts";

/** Emmett's PostgreSQL event store on the same server, configured as docs/quality.md describes. */
export async function createEmmett(url: string, poolSize: number): Promise<Contender> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Stopping the server at the end terminates idle clients: expected.
  pool.on("error", () => {});
  const store = getPostgreSQLEventStore(url, {
    connectionOptions: { pool, pooled: true, connectionString: url },
  });
  await store.schema.migrate();
  const payload = (n: number) => ({ type: "BenchEvent", data: { n, note: "benchmark" } });
  return {
    name: "emmett",
    async appendToNewStream(stream) {
      // Its STREAM_DOES_NOT_EXIST is not enforced; 0n is the equivalent check.
      await store.appendToStream(stream, [payload(0)], { expectedStreamVersion: 0n });
    },
    async appendExact(stream, expectedVersion) {
      const result = await store.appendToStream(stream, [payload(expectedVersion)], {
        expectedStreamVersion: BigInt(expectedVersion),
      });
      return Number(result.nextExpectedStreamVersion);
    },
    async appendMany(stream, count) {
      await store.appendToStream(
        stream,
        Array.from({ length: count }, (_, i) => payload(i)),
      );
    },
    async readStream(stream) {
      return (await store.readStream(stream)).events.length;
    },
    async catchUp(name, total) {
      let seen = 0;
      const consumer = postgreSQLEventStoreConsumer({
        connectionString: url,
        pulling: { batchSize: 500, pullingFrequencyInMs: 100 },
      });
      consumer.reactor({
        processorId: name,
        startFrom: "BEGINNING",
        eachMessage: async () => {
          seen += 1;
          return seen >= total ? { type: "STOP" } : undefined;
        },
      });
      await consumer.start();
      await consumer.close();
    },
    async analyze() {
      await pool.query("ANALYZE");
    },
    async close() {
      await store.close();
      await pool.end().catch(() => {});
    },
  };
}
