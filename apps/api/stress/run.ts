import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { stopEverythingOnSignals } from "./infra/cleanup.ts";
import type { Check, Scenario, ScenarioResult } from "./scenario.ts";
import { scenarios } from "./scenarios/index.ts";

/**
 * `pnpm stress [-- name …]`: runs every scenario (or the named ones) in turn, each in a
 * fresh directory, prints one table (scenario | check | observed | verdict) and the
 * figures, writes `.bench/stress.json` and exits 1 when any check failed. A scenario that
 * throws counts as one failed check. Work directories of failed scenarios are kept (logs).
 */
const resultFile = new URL("../../../.bench/stress.json", import.meta.url);

interface Outcome extends ScenarioResult {
  name: string;
  description: string;
  seconds: number;
  workDir: string;
}

function print(line = "") {
  process.stdout.write(`${line}\n`);
}

function selected(names: string[]): Scenario[] {
  if (names.length === 0) return scenarios;
  const unknown = names.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    print(
      `Unknown scenario ${unknown.join(", ")}; known: ${scenarios.map((s) => s.name).join(", ")}`,
    );
    process.exit(2);
  }
  return scenarios.filter((scenario) => names.includes(scenario.name));
}

async function runOne(scenario: Scenario, root: string): Promise<Outcome> {
  const workDir = join(root, scenario.name);
  await mkdir(workDir, { recursive: true });
  const started = performance.now();
  print(`\n▶ ${scenario.name}: ${scenario.description}`);
  let result: ScenarioResult;
  try {
    result = await scenario.run({
      workDir,
      log: (message) => print(`  ${new Date().toISOString().slice(11, 19)} ${message}`),
    });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    print(`  failed: ${message}`);
    result = {
      checks: [
        { claim: "the scenario runs to its end", passed: false, observed: firstLine(message) },
      ],
      figures: {},
    };
  }
  const seconds = (performance.now() - started) / 1000;
  const passed = result.checks.length > 0 && result.checks.every((c) => c.passed);
  if (passed) await rm(workDir, { recursive: true, force: true });
  else print(`  logs kept in ${workDir}`);
  return { name: scenario.name, description: scenario.description, seconds, workDir, ...result };
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").slice(0, 200);
}

function table(outcomes: Outcome[]) {
  const rows: string[][] = [["scenario", "check", "observed", "verdict"]];
  for (const outcome of outcomes) {
    const checks: Check[] =
      outcome.checks.length > 0
        ? outcome.checks
        : [{ claim: "at least one check", passed: false, observed: "none" }];
    for (const c of checks) {
      rows.push([outcome.name, c.claim, c.observed, c.passed ? "pass" : "FAIL"]);
    }
  }
  const widths = [0, 1, 2, 3].map((column) =>
    Math.min(column === 2 ? 70 : 80, Math.max(...rows.map((row) => (row[column] ?? "").length))),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  print();
  print(line(rows[0] ?? []));
  print(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows.slice(1)) print(line(row));
}

function figures(outcomes: Outcome[]) {
  print();
  for (const outcome of outcomes) {
    print(`${outcome.name} (${outcome.seconds.toFixed(0)} s)`);
    for (const [name, value] of Object.entries(outcome.figures)) {
      print(`  ${name.padEnd(40)} ${value}`);
    }
  }
}

async function main() {
  const names = process.argv.slice(2).filter((arg) => arg !== "--");
  const chosen = selected(names);
  stopEverythingOnSignals();
  const root = await mkdtemp(join(tmpdir(), "booking-stress-"));
  const startedAt = new Date().toISOString();
  print(
    `pnpm stress: ${chosen.map((s) => s.name).join(", ")} (loopback only; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)})`,
  );
  const outcomes: Outcome[] = [];
  for (const scenario of chosen) outcomes.push(await runOne(scenario, root));
  table(outcomes);
  figures(outcomes);
  const failed = outcomes.filter((o) => o.checks.length === 0 || o.checks.some((c) => !c.passed));
  await mkdir(new URL(".", resultFile), { recursive: true });
  await writeFile(
    resultFile,
    `${JSON.stringify(
      {
        startedAt,
        finishedAt: new Date().toISOString(),
        machine: { cores: cpus().length, loadAverage1m: loadavg()[0] },
        passed: failed.length === 0,
        scenarios: outcomes.map((outcome) => ({
          name: outcome.name,
          description: outcome.description,
          passed: !failed.includes(outcome),
          seconds: Number(outcome.seconds.toFixed(1)),
          checks: outcome.checks,
          figures: outcome.figures,
        })),
      },
      null,
      2,
    )}\n`,
  );
  print(`\nwritten to .bench/stress.json`);
  if (failed.length === 0) await rm(root, { recursive: true, force: true });
  print(
    failed.length === 0 ? "all checks passed" : `failed: ${failed.map((o) => o.name).join(", ")}`,
  );
  process.exit(failed.length === 0 ? 0 : 1);
}

await main();
