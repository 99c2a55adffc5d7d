/**
 * One scenario of `pnpm stress`: it runs against processes it starts itself on 127.0.0.1,
 * bounded in time and requests, and ends with a verdict. `run.ts` runs them in turn, prints
 * one table and writes `.bench/stress.json`; any failed check makes the run exit non-zero.
 */
export interface Scenario {
  /** Short, stable id used on the command line (`pnpm stress -- flash-crowd`) and in the JSON. */
  name: string;
  /** One sentence: what is done to the system. */
  description: string;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

export interface ScenarioContext {
  /** A fresh, empty directory for this scenario's data (embedded PostgreSQL, outbox, logs). */
  workDir: string;
  /** Progress lines for the terminal. */
  log(message: string): void;
}

export interface ScenarioResult {
  /** Each claim the scenario checks, with what was seen: the verdict is that all pass. */
  checks: Check[];
  /** Figures worth reporting (latencies in ms, counts, MB), by name. */
  figures: Record<string, number | string>;
}

export interface Check {
  claim: string;
  passed: boolean;
  observed: string;
}
