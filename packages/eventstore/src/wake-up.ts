/**
 * A resettable signal: `wake()` resolves the current `wait()`, or makes the next one return
 * at once, so a notification that arrives between a read and the wait is not lost.
 */
export function createWakeUp() {
  let pending = false;
  let resolveWaiter: (() => void) | undefined;

  return {
    wake(): void {
      pending = true;
      resolveWaiter?.();
    },
    clear(): void {
      pending = false;
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
