import type pg from "pg";

/** A pool or a single client: anything that runs a query (hot paths use named statements). */
export type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;
