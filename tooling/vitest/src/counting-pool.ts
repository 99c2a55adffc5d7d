import type pg from "pg";

/**
 * A pool that counts what reaches the server: statements in autocommit (each its own
 * round trip and transaction, sent on the pool or on a checked-out client) and explicit
 * transactions (BEGIN). One autocommit statement and no transaction is one round trip.
 */
export function countingPool(target: pg.Pool) {
  const counts = { autocommit: 0, transactions: 0 };
  const countOn = (client: pg.PoolClient) => {
    let inTransaction = false;
    return new Proxy(client, {
      get(object, property) {
        const value = Reflect.get(object, property);
        if (property !== "query") return typeof value === "function" ? value.bind(object) : value;
        return (...args: unknown[]) => {
          const first = args[0];
          const text = typeof first === "string" ? first : (first as { text?: string }).text;
          if (text === "BEGIN") {
            counts.transactions++;
            inTransaction = true;
          } else if (text === "COMMIT" || text === "ROLLBACK") {
            inTransaction = false;
          } else if (!inTransaction) {
            counts.autocommit++;
          }
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      },
    });
  };
  const pool = new Proxy(target, {
    get(object, property) {
      if (property === "query") {
        return (...args: unknown[]) => {
          counts.autocommit++;
          return (object.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      if (property === "connect") {
        return async () => countOn(await object.connect());
      }
      const value = Reflect.get(object, property);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
  return { pool, counts };
}
