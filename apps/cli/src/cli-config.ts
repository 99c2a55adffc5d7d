/** The CLI's view of its environment; the only place it reads `process.env`. */
export interface CliEnvironment {
  /** BOOKING_URL: the server, default http://localhost:3000 */
  url: string;
  /** BOOKING_TOKEN: a personal API token for scripts. */
  token: string | undefined;
}

export function readCliEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  return {
    url: env.BOOKING_URL || "http://localhost:3000",
    token: env.BOOKING_TOKEN || undefined,
  };
}
