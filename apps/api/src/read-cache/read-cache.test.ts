import { afterEach, describe, expect, test, vi } from "vitest";
import { ReadCache } from "./read-cache.ts";

function cache(overrides: Partial<ConstructorParameters<typeof ReadCache>[0]> = {}) {
  let live = true;
  const readCache = new ReadCache<string>({
    maxEntries: 10,
    maxBytes: 1000,
    ttlMs: 1000,
    isLive: () => live,
    ...overrides,
  });
  return {
    readCache,
    setLive: (value: boolean) => {
      live = value;
    },
  };
}

/** A computation that counts its calls and finishes when told to. */
function computation(value: string, tags: string[] = [], bytes = 10) {
  let calls = 0;
  let finish: () => void = () => {};
  const compute = () => {
    calls++;
    return new Promise<{ value: string; tags: string[]; bytes: number }>((resolve) => {
      finish = () => resolve({ value, tags, bytes });
    });
  };
  return {
    compute,
    get calls() {
      return calls;
    },
    finish: () => finish(),
  };
}

const now =
  (value = "v") =>
  () =>
    Promise.resolve({ value, tags: [] as string[], bytes: 10 });

afterEach(() => {
  vi.useRealTimers();
});

describe("ReadCache", () => {
  test("serves a stored value without computing again", async () => {
    const { readCache } = cache();
    let calls = 0;
    const compute = () => {
      calls++;
      return Promise.resolve({ value: `v${calls}`, tags: [], bytes: 10 });
    };
    expect(await readCache.get("k", compute)).toBe("v1");
    expect(await readCache.get("k", compute)).toBe("v1");
    expect(calls).toBe(1);
  });

  test("drops entries by tag, keeps the others", async () => {
    const { readCache } = cache();
    await readCache.get("a", () => Promise.resolve({ value: "a", tags: ["r1"], bytes: 10 }));
    await readCache.get("b", () => Promise.resolve({ value: "b", tags: ["r2"], bytes: 10 }));
    readCache.invalidate("r1");
    expect(await readCache.get("a", now("a2"))).toBe("a2");
    expect(await readCache.get("b", now("b2"))).toBe("b");
  });

  test("does not keep a value when an invalidation came while it was computed", async () => {
    const { readCache } = cache();
    const slow = computation("stale", ["r1"]);
    const first = readCache.get("k", slow.compute);
    // The change is announced after the database was read but before the answer came back.
    readCache.invalidate("r-unrelated");
    slow.finish();
    expect(await first).toBe("stale");
    expect(await readCache.get("k", now("fresh"))).toBe("fresh");
  });

  test("concurrent misses share one computation, unless an invalidation came in between", async () => {
    const { readCache } = cache();
    const shared = computation("one");
    const both = [readCache.get("k", shared.compute), readCache.get("k", shared.compute)];
    shared.finish();
    expect(await Promise.all(both)).toEqual(["one", "one"]);
    expect(shared.calls).toBe(1);

    readCache.clear();
    const before = computation("before");
    const first = readCache.get("k", before.compute);
    readCache.invalidate("x");
    const second = readCache.get("k", now("after"));
    before.finish();
    expect(await first).toBe("before");
    expect(await second).toBe("after");
  });

  test("neither serves nor stores while the change feed is not live", async () => {
    const { readCache, setLive } = cache();
    await readCache.get("k", now("old"));
    setLive(false);
    expect(await readCache.get("k", now("direct"))).toBe("direct");
    expect(readCache.size).toBe(1);
    await readCache.get("other", now("x"));
    expect(readCache.size).toBe(1);
  });

  test("entries expire after the TTL", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { readCache } = cache({ ttlMs: 1000 });
    await readCache.get("k", now("first"));
    vi.advanceTimersByTime(999);
    expect(await readCache.get("k", now("second"))).toBe("first");
    vi.advanceTimersByTime(2);
    expect(await readCache.get("k", now("second"))).toBe("second");
  });

  test("stays within its entry and byte bounds, evicting the least recently used", async () => {
    const { readCache } = cache({ maxEntries: 3, maxBytes: 100 });
    for (const key of ["a", "b", "c"]) await readCache.get(key, now(key));
    await readCache.get("a", now("a2")); // a is now the most recent
    await readCache.get("d", now("d"));
    expect(readCache.size).toBe(3);
    expect(await readCache.get("b", now("b2"))).toBe("b2");
    expect(await readCache.get("a", now("a3"))).toBe("a");

    await readCache.get("big", () => Promise.resolve({ value: "big", tags: [], bytes: 90 }));
    expect(readCache.totalBytes).toBeLessThanOrEqual(100);
    await readCache.get("huge", () => Promise.resolve({ value: "huge", tags: [], bytes: 101 }));
    expect(await readCache.get("huge", now("again"))).toBe("again");
  });

  test("a value marked store: false is answered but not kept; failures are not kept", async () => {
    const { readCache } = cache();
    await readCache.get("k", () =>
      Promise.resolve({ value: "once", tags: [], bytes: 1, store: false }),
    );
    expect(await readCache.get("k", now("next"))).toBe("next");
    await expect(readCache.get("e", () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect(await readCache.get("e", now("ok"))).toBe("ok");
  });
});
