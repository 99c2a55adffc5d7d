export interface ReadCacheOptions {
  maxEntries: number;
  /** Upper bound of the summed `bytes` of the entries (what they hold, roughly). */
  maxBytes: number;
  /** How long an entry may be served: bounds staleness that no notification announces. */
  ttlMs: number;
  /** Whether invalidations are currently being received; false: never serve, never store. */
  isLive: () => boolean;
}

export interface Computed<V> {
  value: V;
  /** What the value was built from: invalidating any of these drops it. */
  tags: readonly string[];
  bytes: number;
  /** False: answer it, but do not keep it. */
  store?: boolean;
}

interface Entry<V> {
  value: V;
  tags: readonly string[];
  bytes: number;
  expiresAt: number;
}

interface InFlight<V> {
  generation: number;
  promise: Promise<V>;
}

/**
 * A bounded least-recently-used cache of reads whose source announces its changes.
 *
 * A value is stored only if no invalidation happened while it was computed (the
 * generation did not move): a computation that read the database before a change and
 * finished after its notification would otherwise keep stale data. Concurrent misses of
 * one key share one computation, unless an invalidation came in between.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, InFlight<V>>();
  private generation = 0;
  private bytes = 0;
  private readonly options: ReadCacheOptions;

  constructor(options: ReadCacheOptions) {
    this.options = options;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  async get(key: string, compute: () => Promise<Computed<V>>): Promise<V> {
    if (!this.options.isLive()) return (await compute()).value;
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) {
      // Map order is recency order: move the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    if (entry) this.remove(key, entry);
    const running = this.inFlight.get(key);
    if (running && running.generation === this.generation) return running.promise;
    const generation = this.generation;
    const promise = compute().then((computed) => {
      if (generation === this.generation && this.options.isLive()) this.store(key, computed);
      return computed.value;
    });
    const flight = { generation, promise };
    this.inFlight.set(key, flight);
    try {
      return await promise;
    } finally {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    }
  }

  /** Drops every entry built from `tag`. */
  invalidate(tag: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.tags.includes(tag)) this.remove(key, entry);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private store(key: string, computed: Computed<V>): void {
    if (computed.store === false || computed.bytes > this.options.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, {
      value: computed.value,
      tags: computed.tags,
      bytes: computed.bytes,
      expiresAt: Date.now() + this.options.ttlMs,
    });
    this.bytes += computed.bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes)
        break;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
