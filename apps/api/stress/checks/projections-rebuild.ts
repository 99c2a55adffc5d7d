import pg from "pg";
import { call } from "../infra/booking-house.ts";
import { until } from "../infra/until.ts";

interface Projection {
  name: string;
  tables: string[];
  state: "running" | "failed" | "rebuilding";
  lag: number;
  rebuild: unknown;
}

export interface RebuildComparison {
  /** Per projection: equal, or what differs. */
  outcomes: { name: string; equal: boolean; detail: string }[];
  rebuildMs: number;
}

async function projections(baseUrl: string, token: string): Promise<Projection[]> {
  const answer = await call(baseUrl, "GET", "/projections", { token });
  if (answer.status !== 200) throw new Error(`GET /projections answered ${answer.status}`);
  return answer.body.items as Projection[];
}

const settled = (all: Projection[]) =>
  all.every(
    (projection) => projection.state === "running" && projection.lag === 0 && !projection.rebuild,
  );

/** Every row of the tables as sorted JSON text: comparable whatever the physical order. */
async function contents(pool: pg.Pool, tables: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const table of tables) {
    const { rows } = await pool.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM ${pg.escapeIdentifier(table)} t`,
    );
    result.set(table, rows.map((row) => row.row).sort());
  }
  return result;
}

function difference(live: string[], rebuilt: string[]): string {
  const rebuiltSet = new Set(rebuilt);
  const liveSet = new Set(live);
  const onlyLive = live.filter((row) => !rebuiltSet.has(row));
  const onlyRebuilt = rebuilt.filter((row) => !liveSet.has(row));
  return `${live.length} rows live, ${rebuilt.length} rebuilt; only live: ${onlyLive.slice(0, 2).join(" ")}; only rebuilt: ${onlyRebuilt.slice(0, 2).join(" ")}`;
}

/**
 * The asynchronous read models as served, compared with a rebuild from the start of the
 * log by the api itself (POST /projections/{name}/rebuild): once both have caught up with
 * the same log (nothing is written meanwhile), their rows must be the same.
 */
export async function compareWithRebuild(
  baseUrl: string,
  token: string,
  pool: pg.Pool,
): Promise<RebuildComparison> {
  await until(
    "projections caught up",
    async () => settled(await projections(baseUrl, token)),
    60_000,
  );
  const all = await projections(baseUrl, token);
  const live = new Map(
    await Promise.all(all.map(async (p) => [p.name, await contents(pool, p.tables)] as const)),
  );
  const started = performance.now();
  const rebuilt: Projection[] = [];
  for (const projection of all) {
    const answer = await call(baseUrl, "POST", `/projections/${projection.name}/rebuild`, {
      token,
    });
    // A reactor (the notifications') acts on the world and is never replayed: it refuses.
    const details = answer.body.error as { details?: { current?: string } } | undefined;
    if (answer.status === 409 && details?.details?.current === "reactor") continue;
    if (answer.status !== 200) {
      throw new Error(`rebuild of ${projection.name} answered ${answer.status}`);
    }
    rebuilt.push(projection);
  }
  await until(
    "rebuilds swapped in",
    async () => settled(await projections(baseUrl, token)),
    120_000,
  );
  const rebuildMs = performance.now() - started;
  const outcomes = [];
  for (const projection of rebuilt) {
    const after = await contents(pool, projection.tables);
    const differences = projection.tables
      .map((table) => {
        const before = live.get(projection.name)?.get(table) ?? [];
        const now = after.get(table) ?? [];
        return before.join("\n") === now.join("\n")
          ? undefined
          : `${table}: ${difference(before, now)}`;
      })
      .filter((detail) => detail !== undefined);
    const rows = [...(live.get(projection.name)?.values() ?? [])].reduce((n, t) => n + t.length, 0);
    outcomes.push({
      name: projection.name,
      equal: differences.length === 0,
      detail: differences.length === 0 ? `${rows} rows equal` : differences.join("; "),
    });
  }
  return { outcomes, rebuildMs };
}
