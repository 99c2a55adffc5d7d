/**
 * What the suite started and must stop even when it is interrupted (Ctrl-C, a timeout's
 * SIGTERM): PostgreSQL started by pg_ctl runs on by itself otherwise. Each infrastructure
 * module registers its stop while the thing runs; run.ts stops them all on a signal.
 */
const running = new Set<() => Promise<void>>();

/** Registers `stop`; call the returned function once the thing was stopped normally. */
export function stopOnInterrupt(stop: () => Promise<void>): () => void {
  running.add(stop);
  return () => running.delete(stop);
}

export function stopEverythingOnSignals(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    process.stdout.write(`\n${signal}: stopping what the suite started…\n`);
    void Promise.allSettled([...running].map((stop) => stop())).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}
