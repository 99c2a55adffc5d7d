/**
 * A resettable signal: `wake()` ends the current `wait()`, or makes the next one return at
 * once, so rows inserted between a read and the wait are not left until the next poll.
 */
export function createWakeUp() {
  let pending = false;
  let resolveWaiter: (() => void) | undefined;
  return {
    wake(): void {
      pending = true;
      resolveWaiter?.();
    },
    wait(timeoutMs: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolveWaiter = undefined;
          pending = false;
          resolve();
        }
        resolveWaiter = done;
      });
    },
  };
}
