import { type AppendResult, appendWithRetries } from "./append-with-retries.ts";
import type { EventMetadata } from "./event-types.ts";
import type { AppendDependencies, StreamAppend } from "./prepared-append.ts";

export interface AppendToStreamsOptions {
  /** Applied to every event of every stream that does not set its own (e.g. a correlation id). */
  metadata?: EventMetadata;
}

export interface AppendToStreamsResult {
  /** One result per stream, in the order the streams were given. */
  streams: AppendResult[];
  /** True when every event id was already committed (a retry) and nothing new was written. */
  alreadyAppended: boolean;
}

/**
 * Appends to several streams in one transaction: every stream's expected version holds and
 * every event is written, with the inline projections over all of them, or nothing is.
 * Events enter the global log in the order given (streams, then events within each).
 */
export async function appendToStreams(
  deps: AppendDependencies,
  appends: readonly StreamAppend[],
  options: AppendToStreamsOptions = {},
): Promise<AppendToStreamsResult> {
  const streams = await appendWithRetries(deps, appends, options.metadata);
  return { streams, alreadyAppended: streams.every((stream) => stream.alreadyAppended) };
}
