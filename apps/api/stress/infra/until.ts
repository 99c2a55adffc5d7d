/**
 * Polls `probe` every 50 ms until it resolves true (a rejection counts as false) and
 * returns how long that took in ms; throws after `timeoutMs`. Polling, never fixed sleeps:
 * the machines this runs on are shared and their speed varies.
 */
export async function until(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) {
      throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
