import { closedLoop, type HttpClient, percentile } from "../../bench/http-load.ts";

export interface BurstOutcome {
  sent: number;
  created: number;
  /** 409 with the code SLOT_UNAVAILABLE. */
  slotUnavailable: number;
  serverErrors: number;
  /** Any other answer (or a failed connection), by status: "409 CONCURRENCY_CONFLICT", "ECONNRESET"… */
  other: Record<string, number>;
  seconds: number;
  p50: number;
  p99: number;
  /**
   * p99 of the requests sent in the first second, when the crowd meets free slots and
   * waits on the winners' locks, and of those sent later, when the slots are taken.
   */
  p99FirstSecond: number;
  p99Later: number;
  /** Ids of the bookings created. */
  bookingIds: string[];
}

/**
 * `bodies.length` POST /bookings sent as fast as `connections` keep-alive connections
 * allow (each sends its next request when the previous one was answered), every answer
 * sorted by status and error code. Latency from sending to the last byte, in ms.
 */
export async function bookingBurst(
  client: HttpClient,
  token: string,
  bodies: readonly unknown[],
  connections: number,
): Promise<BurstOutcome> {
  const outcome: BurstOutcome = {
    sent: 0,
    created: 0,
    slotUnavailable: 0,
    serverErrors: 0,
    other: {},
    seconds: 0,
    p50: 0,
    p99: 0,
    p99FirstSecond: 0,
    p99Later: 0,
    bookingIds: [],
  };
  const latencies = new Float64Array(bodies.length);
  const sentAfter = new Float64Array(bodies.length);
  const burstStarted = performance.now();
  const count = (key: string) => {
    outcome.other[key] = (outcome.other[key] ?? 0) + 1;
  };
  const load = await closedLoop(
    connections,
    { maxOperations: bodies.length, maxSeconds: 120 },
    async (i) => {
      const sent = performance.now();
      try {
        const response = await client.request("POST", "/api/v1/bookings", {
          token,
          body: bodies[i],
        });
        if (response.status === 201) {
          outcome.created++;
          outcome.bookingIds.push(
            (JSON.parse(response.body) as { booking: { id: string } }).booking.id,
          );
        } else if (response.status === 409 && errorCode(response.body) === "SLOT_UNAVAILABLE") {
          outcome.slotUnavailable++;
        } else {
          if (response.status >= 500) outcome.serverErrors++;
          count(`${response.status} ${errorCode(response.body)}`);
        }
      } catch (error) {
        outcome.serverErrors++;
        count((error as NodeJS.ErrnoException).code ?? String(error));
      }
      latencies[i] = performance.now() - sent;
      sentAfter[i] = sent - burstStarted;
    },
  );
  const sorted = latencies.slice(0, load.count).sort();
  outcome.sent = load.count;
  outcome.seconds = load.seconds;
  outcome.p50 = percentile(sorted, 0.5);
  outcome.p99 = percentile(sorted, 0.99);
  const p99Where = (sentInFirstSecond: boolean) =>
    percentile(
      latencies
        .slice(0, load.count)
        .filter((_, i) => (sentAfter[i] ?? 0) < 1000 === sentInFirstSecond)
        .sort(),
      0.99,
    );
  outcome.p99FirstSecond = p99Where(true);
  outcome.p99Later = p99Where(false);
  return outcome;
}

function errorCode(body: string): string {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? "";
  } catch {
    return body.slice(0, 40);
  }
}

/** "12 × 409 CONCURRENCY_CONFLICT, 1 × ECONNRESET" or "none". */
export function describeOther(other: Record<string, number>): string {
  const entries = Object.entries(other);
  return entries.length === 0 ? "none" : entries.map(([key, n]) => `${n} × ${key}`).join(", ");
}
