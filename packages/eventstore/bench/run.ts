import { mkdir, writeFile } from "node:fs/promises";
import { startTestPostgres } from "@booking/vitest-config/postgres-server";
import pg from "pg";
import type { Contender } from "./contender.ts";
import { createEmmett } from "./emmett.ts";
import { medianOf, throughput } from "./measure.ts";
import { createOurs } from "./ours.ts";

const RUNS = 3;
const SEED_STREAMS = 3000;
const CATCH_UP_EVENTS = 100_000;
const WRITERS = [1, 8, 32];
const OPERATIONS: Record<number, number> = { 1: 600, 8: 2000, 32: 2000 };
// BENCH_ONLY=read (or append, catch_up; comma-separated) runs a subset while tuning one
// path; only a full run writes the result file.
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (group: string) => !only || only.includes(group);
const resultFile = new URL("../../../.bench/eventstore.json", import.meta.url);

type Figures = Record<string, { ours: number; baseline: number; ratio: number }>;

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function seed(contender: Contender) {
  await throughput(SEED_STREAMS, 8, (_, i) => contender.appendToNewStream(`seed-${i}`));
  await contender.analyze();
}

let runId = 0;
/** Measures both in alternating order, so drift on a noisy machine hits both alike. */
async function compare(
  figures: Figures,
  metric: string,
  contenders: [Contender, Contender],
  measure: (contender: Contender) => Promise<number>,
) {
  const results = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) results.get(contender)?.push(await measure(contender));
  }
  const [ours, baseline] = await Promise.all(
    contenders.map((c) => medianOf(1, async () => median(results.get(c) ?? []))),
  );
  figures[metric] = {
    ours: Math.round(ours ?? 0),
    baseline: Math.round(baseline ?? 0),
    ratio: Number(((ours ?? 0) / (baseline ?? 1)).toFixed(2)),
  };
  const { ours: o, baseline: b, ratio } = figures[metric];
  print(
    `${metric.padEnd(32)} ours ${String(o).padStart(7)}  emmett ${String(b).padStart(7)}  ratio ${ratio}`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main() {
  const server = await startTestPostgres();
  const figures: Figures = {};
  try {
    const poolSize = Math.max(...WRITERS);
    const ours = await createOurs(await createDatabase(server.adminUrl, "bench_ours"), poolSize);
    const emmett = await createEmmett(
      await createDatabase(server.adminUrl, "bench_emmett"),
      poolSize,
    );
    const both: [Contender, Contender] = [ours, emmett];
    print(`Seeding ${SEED_STREAMS} streams each, then ANALYZE…`);
    for (const contender of both) await seed(contender);

    print("Metric (median of 3)             operations or events per second");
    for (const writers of wanted("append") ? WRITERS : []) {
      const total = OPERATIONS[writers] ?? 1000;
      await compare(figures, `append_new_stream_${writers}w`, both, (c) => {
        const run = ++runId;
        return throughput(total, writers, (_, i) => c.appendToNewStream(`new-${run}-${i}`));
      });
      await compare(figures, `append_existing_stream_${writers}w`, both, async (c) => {
        const run = ++runId;
        const versions = Array.from({ length: writers }, () => 0);
        return throughput(total, writers, async (worker) => {
          versions[worker] = await c.appendExact(
            `existing-${run}-${worker}`,
            versions[worker] ?? 0,
          );
        });
      });
    }

    for (const contender of wanted("read") ? both : []) {
      for (let s = 0; s < 20; s++) await contender.appendMany(`read-${s}`, 100);
      await contender.analyze();
    }
    if (wanted("read")) {
      await compare(figures, "read_100_event_stream_8r", both, (c) =>
        throughput(2000, 8, async (_, i) => {
          if ((await c.readStream(`read-${i % 20}`)) !== 100) throw new Error("short read");
        }),
      );
    }

    if (wanted("catch_up")) {
      print(`Seeding ${CATCH_UP_EVENTS} events for the catch-up…`);
      for (const contender of both) {
        await throughput(CATCH_UP_EVENTS / 100, 8, (_, i) => contender.appendMany(`log-${i}`, 100));
        await contender.analyze();
      }
      let catchUpRun = 0;
      await compare(figures, "catch_up_100k_events", both, async (c) => {
        const started = performance.now();
        // Everything appended so far: seeds, benchmark appends and the 100k events.
        await c.catchUp(`catch-up-${++catchUpRun}`, CATCH_UP_EVENTS);
        return (CATCH_UP_EVENTS / (performance.now() - started)) * 1000;
      });
    }

    await Promise.all(both.map((c) => c.close()));
  } finally {
    await server.stop();
  }
  if (only) return;
  await mkdir(new URL(".", resultFile), { recursive: true });
  await writeFile(resultFile, `${JSON.stringify(figures, null, 2)}\n`);
  print(`Wrote ${resultFile.pathname}`);
}

await main();
