import http from "node:http";

export interface Response {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A thin keep-alive HTTP client on node:http: far less client-side CPU per request than
 * fetch, which matters when the load generator, the api and PostgreSQL share two cores.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number, agentOptions: http.AgentOptions = {}) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets,
      maxFreeSockets: maxSockets,
      ...agentOptions,
    });
  }

  request(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (payload !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(payload));
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    return new Promise((resolve, reject) => {
      const req = http.request(
        { agent: this.agent, host: this.host, port: this.port, method, path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              headers: res.headers,
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** A request that must answer `expected`; returns the parsed JSON body. */
  async json<T>(
    method: string,
    path: string,
    expected: number,
    options: { body?: unknown; token?: string } = {},
  ): Promise<T> {
    const response = await this.request(method, path, options);
    if (response.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${response.status}: ${response.body.slice(0, 500)}`,
      );
    }
    return (response.body ? JSON.parse(response.body) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadResult {
  count: number;
  seconds: number;
  /** Requests (or transactions) per second. */
  throughput: number;
  p50: number;
  p99: number;
}

/**
 * A closed loop: `concurrency` clients, each sending its next request as soon as the
 * previous one answered, until `maxOperations` were sent or `maxSeconds` passed.
 * Latencies in milliseconds, from sending to the last byte of the answer.
 */
export async function closedLoop(
  concurrency: number,
  limits: { maxOperations: number; maxSeconds: number },
  operation: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies = new Float64Array(limits.maxOperations);
  let next = 0;
  const started = performance.now();
  const deadline = started + limits.maxSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < limits.maxOperations && performance.now() < deadline) {
        const index = next++;
        const sent = performance.now();
        await operation(index);
        latencies[index] = performance.now() - sent;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const done = latencies.slice(0, next).sort();
  return {
    count: next,
    seconds,
    throughput: next / seconds,
    p50: percentile(done, 0.5),
    p99: percentile(done, 0.99),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
