import { expect } from "vitest";

interface Readiness {
  projections: { name: string; lag: number }[];
}

/** Waits until `/ready` reports the projection with lag 0: every committed event handled. */
export async function caughtUp(url: string, name = "statistics", timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const readiness = (await (await fetch(`${url}/ready`)).json()) as Readiness;
    const projection = readiness.projections.find((p) => p.name === name);
    expect(projection, `/ready lists ${name}`).toBeDefined();
    if (projection?.lag === 0) return;
    if (Date.now() > deadline) throw new Error(`${name} still lags by ${projection?.lag}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
