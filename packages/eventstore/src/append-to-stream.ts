import { type AppendResult, appendWithRetries } from "./append-with-retries.ts";
import type { NewEvent } from "./event-types.ts";
import type { AppendDependencies, AppendOptions } from "./prepared-append.ts";

export type { AppendResult } from "./append-with-retries.ts";
export { streamVersion } from "./append-with-retries.ts";
export type { AppendDependencies, AppendOptions } from "./prepared-append.ts";

/**
 * Appends to one stream. Without inline projections this is a single statement (one round
 * trip); the checks, retries and replays are those of every append.
 */
export async function appendToStream(
  deps: AppendDependencies,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const [result] = await appendWithRetries(deps, [{ streamId, events, options }]);
  return result as AppendResult;
}
