import { call, type House, postBooking, stayRequests } from "./booking-house.ts";

/** One request of the probes: when it was sent, how long it took, what came back. */
export interface Probe {
  what: "health" | "ready" | "status" | "booking";
  /** performance.now() when it was sent. */
  sentAt: number;
  ms: number;
  /** 0: no answer (connection error, or none within the timeout). */
  status: number;
  code: string | undefined;
  retryAfter: string | null;
  failure: string | undefined;
}

export interface Probes {
  readonly all: Probe[];
  /** Stops sending and waits for the answers still out. */
  stop(): Promise<void>;
}

/**
 * A steady trickle of requests, a set every `everyMs`, each with its own time limit, so
 * that an outage shows in their answers: the liveness probe, the readiness probe, a read
 * (`/api/v1/status`, which asks the database) and a write (a keyed guest booking, each on
 * a room-night of its own, far ahead of any other load's).
 */
export function startProbes(
  baseUrl: string,
  house: House,
  options: {
    label: string;
    /** The first day ahead the bookings take: 400 bookings take 100 days on 4 rooms. */
    firstDay: number;
    everyMs?: number;
    timeoutMs?: number;
  },
): Probes {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const bookings = stayRequests(house, 400, options.firstDay, options.label);
  const all: Probe[] = [];
  const out = new Set<Promise<void>>();
  let stopped = false;

  const send = (what: Probe["what"], request: () => ReturnType<typeof call>) => {
    const sentAt = performance.now();
    const done = request().then(
      (answer) => {
        const error = answer.body.error as { code?: string } | undefined;
        all.push({
          what,
          sentAt,
          ms: answer.ms,
          status: answer.status,
          code: error?.code,
          retryAfter: answer.headers.get("retry-after"),
          failure: undefined,
        });
      },
      (error: unknown) => {
        all.push({
          what,
          sentAt,
          ms: performance.now() - sentAt,
          status: 0,
          code: undefined,
          retryAfter: null,
          failure: error instanceof Error ? error.message : String(error),
        });
      },
    );
    out.add(done);
    void done.finally(() => out.delete(done));
  };

  const root = (path: string) => () =>
    fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(timeoutMs) }).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: (await r.json().catch(() => ({}))) as Record<string, unknown>,
      ms: 0,
    }));
  const timed = (request: () => ReturnType<typeof call>) => async () => {
    const started = performance.now();
    const answer = await request();
    return { ...answer, ms: performance.now() - started };
  };

  let next = 0;
  const timer = setInterval(() => {
    if (stopped) return;
    send("health", timed(root("/health")));
    send("ready", timed(root("/ready")));
    send("status", () => call(baseUrl, "GET", "/status", { timeoutMs }));
    const booking = bookings[next++];
    if (booking) send("booking", () => postBooking(baseUrl, booking, timeoutMs));
  }, options.everyMs ?? 100);

  return {
    all,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...out]);
    },
  };
}

/** A probe's answer time (performance.now()). */
export const answeredAt = (probe: Probe) => probe.sentAt + probe.ms;

/**
 * What a request gets while the database is away: /ready a 503 (its own body), an API
 * call 503 UNAVAILABLE with a Retry-After.
 */
export const isUnavailable = (probe: Probe) =>
  probe.what === "ready"
    ? probe.status === 503
    : probe.status === 503 && probe.code === "UNAVAILABLE" && probe.retryAfter !== null;

/** One line on a probe, for a check's `observed`. */
export const describeProbe = (probe: Probe) =>
  `${probe.what} ${probe.status || probe.failure} ${probe.code ?? ""} in ${probe.ms.toFixed(0)} ms`;
