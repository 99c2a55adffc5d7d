interface Rendering {
  etag: string;
  content: string;
  bytes: number;
}

/**
 * The last rendering of each feed, under the ETag it was rendered for. Needs no
 * invalidation: a rendering is served only for the very tag the database's aggregate
 * gives now, so a change (a new tag) makes the next request render again. Bounded least
 * recently used; concurrent misses of one feed and tag share one rendering.
 */
export class FeedRenderings {
  private readonly entries = new Map<string, Rendering>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private bytes = 0;
  private readonly options: { maxEntries: number; maxBytes: number };

  constructor(options: { maxEntries: number; maxBytes: number }) {
    this.options = options;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  async get(feedId: string, etag: string, render: () => Promise<string>): Promise<string> {
    const entry = this.entries.get(feedId);
    if (entry?.etag === etag) {
      // Map order is recency order: move the entry to the end.
      this.entries.delete(feedId);
      this.entries.set(feedId, entry);
      return entry.content;
    }
    const key = `${feedId} ${etag}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = render().then((content) => {
      this.store(feedId, { etag, content, bytes: content.length * 2 });
      return content;
    });
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private store(feedId: string, rendering: Rendering) {
    const previous = this.entries.get(feedId);
    if (previous) {
      this.entries.delete(feedId);
      this.bytes -= previous.bytes;
    }
    if (rendering.bytes > this.options.maxBytes) return;
    this.entries.set(feedId, rendering);
    this.bytes += rendering.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) {
        break;
      }
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }
}
