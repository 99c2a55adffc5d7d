import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OfferingDto, VenueDto } from "@booking/contracts";
import { spawnApi } from "@booking/vitest-config/api-process";
import { startTestPostgres } from "@booking/vitest-config/postgres-server";
import { launchBrowser } from "../e2e/launch-browser.ts";
import type { Manifest } from "../test/first-load-chunks.ts";
import { routeSizes } from "./bundle-sizes.ts";
import { cpuSlowdown, fast3g, loadPage, type PageLoad, phone } from "./page-load.ts";

/**
 * The web app as a phone on a slow network sees it (docs/quality.md: a booking page's
 * largest contentful paint within 2.5 s in Chromium slowed 4× on fast 3G), and the gzip
 * size of each route's first-load JavaScript. It measures; it does not assert. It builds
 * nothing: run `pnpm build` in apps/web first.
 */
const RUNS = 5;
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const manifestPath = `${dist}.vite/manifest.json`;
const resultFile = new URL("../../../.bench/web.json", import.meta.url);

type Figure = { ours: number; baseline: number | null; ratio: number | null; unit: string };
type Figures = Record<string, Figure>;

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function add(figures: Figures, metric: string, ours: number, unit: string) {
  const digits = unit === "kB" ? 1 : 0;
  figures[metric] = { ours: round(ours, digits), baseline: null, ratio: null, unit };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The benchmark database: a fresh one on the server startTestPostgres gives (a throw-away
 * embedded cluster, or DATABASE_URL's server), dropped afterwards. `pg` is the test tooling's
 * own dependency; the web app has none on it.
 */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type PgModule = { Client: new (options: { connectionString: string }) => PgClient };
const pg = createRequire(import.meta.resolve("@booking/vitest-config/postgres-server"))(
  "pg",
) as PgModule;

async function adminStatement(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}

function loadLine(label: string, load: PageLoad) {
  print(
    `  ${label.padEnd(22)} LCP ${load.lcp.toFixed(0).padStart(5)} ms  FCP ${(load.fcp ?? Number.NaN).toFixed(0).padStart(5)} ms` +
      `  ready ${load.ready.toFixed(0).padStart(5)} ms  load ${load.load.toFixed(0).padStart(5)} ms` +
      `  ${(load.transferred / 1000).toFixed(1).padStart(6)} kB in ${load.requests} requests` +
      `  LCP element: ${load.lcpElement} (${load.lcpSize} px²)`,
  );
}

async function main() {
  const benchStarted = performance.now();
  if (!existsSync(manifestPath)) {
    process.stderr.write(
      `No build of the web app: ${manifestPath} is missing.\nRun \`pnpm build\` in apps/web first (the bench builds nothing itself).\n`,
    );
    process.exitCode = 1;
    return;
  }
  const figures: Figures = {};

  print("First-load JavaScript and CSS of each route (dist/.vite/manifest.json, gzip -9)");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
  for (const size of await routeSizes(dist, manifest)) {
    print(
      `  ${size.name.padEnd(18)} JS ${(size.jsGzipBytes / 1000).toFixed(1).padStart(6)} kB gzip` +
        ` (${(size.jsBytes / 1000).toFixed(1)} kB raw, ${size.jsFiles} files)` +
        `  CSS ${(size.cssGzipBytes / 1000).toFixed(1).padStart(5)} kB gzip (${(size.cssBytes / 1000).toFixed(1)} kB raw)`,
    );
    add(figures, `first_load_js_gzip_${size.name}`, size.jsGzipBytes / 1000, "kB");
    add(figures, `first_load_css_gzip_${size.name}`, size.cssGzipBytes / 1000, "kB");
  }

  const server = await startTestPostgres();
  const database = `bench_web_${process.pid}`;
  const databaseUrl = new URL(server.adminUrl);
  databaseUrl.pathname = `/${database}`;
  const dataDir = await mkdtemp(join(tmpdir(), "booking-web-bench-"));
  try {
    await adminStatement(server.adminUrl, `CREATE DATABASE ${database}`);
    // The demo data: a holiday home (five rooms) and a car workshop. The api serves dist/.
    const api = await spawnApi({
      DATABASE_URL: databaseUrl.toString(),
      BOOKING_DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      // spawnApi waits for the "booking api listening" line, logged at info.
      LOG_LEVEL: "info",
      BOOKING_DEMO: "1",
      RATE_LIMIT_PER_MINUTE: "0",
    });
    const browser = await launchBrowser();
    try {
      const { items: venues } = await getJson<{ items: VenueDto[] }>(`${api.url}/api/v1/venues`);
      const home = venues.find((venue) => venue.name === "Ferienhaus am See");
      if (!home) throw new Error("no demo holiday home");
      const { items: offerings } = await getJson<{ items: OfferingDto[] }>(
        `${api.url}/api/v1/venues/${home.id}/offerings`,
      );
      const stay = offerings.find((offering) => offering.mode === "stay");
      if (!stay) throw new Error("no stay offering in the demo holiday home");
      const pages = [
        {
          key: "venue_page",
          label: "venue page",
          path: `/venues/${home.id}`,
          // The offerings with their prices: the page's content, not its loading state.
          ready: '[data-testid="price"]',
        },
        {
          key: "stay_booking_page",
          label: "stay booking page",
          path: `/venues/${home.id}/offerings/${stay.id}`,
          ready: ".stay-calendar [data-date]",
        },
      ];
      print(
        `api at ${api.url}; Chromium ${browser.version()}, ${phone.width}×${phone.height}, ` +
          `CPU ${cpuSlowdown}× slower, fast 3G (${fast3g.latency} ms, ` +
          `${((fast3g.downloadThroughput * 8) / 1e6).toFixed(2)} Mbit/s down, ` +
          `${((fast3g.uploadThroughput * 8) / 1e3).toFixed(0)} kbit/s up), cache disabled`,
      );
      // One unthrottled load of each page first, so the api's first answers (JIT, caches)
      // do not land in the first measured run.
      for (const target of pages) {
        await loadPage(browser, `${api.url}${target.path}`, target.ready, {
          network: false,
          cpu: false,
        });
      }
      for (const target of pages) {
        print(`${target.label} ${target.path}`);
        const loads: PageLoad[] = [];
        for (let run = 0; run < RUNS; run++) {
          const load = await loadPage(browser, `${api.url}${target.path}`, target.ready, {
            network: true,
            cpu: true,
          });
          loadLine(`run ${run + 1}`, load);
          loads.push(load);
        }
        const lcps = loads.map((load) => load.lcp);
        add(figures, `${target.key}_lcp_median`, median(lcps), "ms");
        add(figures, `${target.key}_lcp_max`, Math.max(...lcps), "ms");
        add(figures, `${target.key}_fcp_median`, median(loads.map((load) => load.fcp ?? 0)), "ms");
        add(figures, `${target.key}_ready_median`, median(loads.map((load) => load.ready)), "ms");
        add(
          figures,
          `${target.key}_transferred`,
          median(loads.map((load) => load.transferred)) / 1000,
          "kB",
        );
      }
    } finally {
      await browser.close();
      await api.stop();
    }
  } finally {
    await adminStatement(server.adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(
      () => {},
    );
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  printTable(figures);
  print(
    "LCP, FCP, ready: ms after the navigation started; ready = the page's content showed " +
      "(venue: its prices; booking: the calendar's days); transferred: bytes on the wire",
  );
  print(`(whole bench ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`);
  await mkdir(new URL(".", resultFile), { recursive: true });
  await writeFile(resultFile, `${JSON.stringify(figures, null, 2)}\n`);
  print(`Wrote ${resultFile.pathname}`);
}

const targets: Record<string, string> = {
  venue_page_lcp_median: "≤ 2500 ms",
  venue_page_lcp_max: "≤ 2500 ms",
  stay_booking_page_lcp_median: "≤ 2500 ms",
  stay_booking_page_lcp_max: "≤ 2500 ms",
};

function printTable(figures: Figures) {
  print("");
  print(`${`metric (${RUNS} cold loads each)`.padEnd(40)}${"ours".padStart(10)}  unit  target`);
  for (const [metric, figure] of Object.entries(figures)) {
    const target = targets[metric] ?? (metric.startsWith("first_load_js") ? "≤ 200 kB" : "");
    print(
      `${metric.padEnd(40)}${String(figure.ours).padStart(10)}  ${figure.unit.padEnd(4)}  ${target}`,
    );
  }
}

await main();
