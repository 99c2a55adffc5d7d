/**
 * What the writer believes about the stream before appending:
 * - a number: the stream's current version is exactly that (0 = the stream does not exist);
 * - `"no_stream"`: the stream must not exist yet;
 * - `"stream_exists"`: the stream must already have at least one event;
 * - `"any"`: no check.
 */
export type ExpectedVersion = number | "no_stream" | "stream_exists" | "any";

export const NO_STREAM = "no_stream" satisfies ExpectedVersion;
export const STREAM_EXISTS = "stream_exists" satisfies ExpectedVersion;
export const ANY_VERSION = "any" satisfies ExpectedVersion;

/** Whether a stream at `actual` (0 = absent) satisfies the expectation. */
export function satisfiesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  if (expected === ANY_VERSION) return true;
  if (expected === NO_STREAM) return actual === 0;
  if (expected === STREAM_EXISTS) return actual > 0;
  return actual === expected;
}
