import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";

const TRANSACTION_CONTROL = /^\s*(begin|start\s+transaction|commit|end|rollback|abort)\b/i;

/**
 * A Kysely instance whose every query runs on `client`, inside the transaction the event
 * store already opened. Releasing is a no-op (the store releases the client), and
 * transaction control is refused: a nested `db.transaction()` would commit the append early.
 */
export function kyselyOnClient<DB>(client: pg.PoolClient): Kysely<DB> {
  const query = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === "string" && TRANSACTION_CONTROL.test(first)) {
      return Promise.reject(
        new Error("This Kysely runs inside the event store's transaction: use savepoints only"),
      );
    }
    return (client.query as (...params: unknown[]) => unknown)(...args);
  };
  const boundClient = { query, release: () => {} };
  return new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => boundClient as never,
        end: async () => {},
        options: {},
      },
    }),
  });
}
