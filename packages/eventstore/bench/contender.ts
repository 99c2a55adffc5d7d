/** What the benchmark asks of each event store, so both run the same workload. */
export interface Contender {
  name: string;
  /** Appends one event to a stream that must not exist yet. */
  appendToNewStream(stream: string): Promise<void>;
  /** Appends one event with the exact expected version; returns the new version. */
  appendExact(stream: string, expectedVersion: number): Promise<number>;
  /** Appends `count` events to one stream in one call. */
  appendMany(stream: string, count: number): Promise<void>;
  readStream(stream: string): Promise<number>;
  /** Runs a subscription from the start of the log until it has seen `total` events. */
  catchUp(name: string, total: number): Promise<void>;
  analyze(): Promise<void>;
  close(): Promise<void>;
}
