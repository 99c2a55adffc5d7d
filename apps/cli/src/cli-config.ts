import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/** The CLI's view of its environment; the only place it reads `process.env`. */
export interface CliEnvironment {
  /** BOOKING_URL: the server, default http://localhost:3000 */
  url: string;
  /** BOOKING_TOKEN: a personal API token for scripts. */
  token: string | undefined;
  /** Where the CLI keeps its files: $XDG_CONFIG_HOME/booking, else ~/.config/booking. */
  configDir: string;
}

export function readCliEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdgConfigHome = env.XDG_CONFIG_HOME;
  const configHome =
    xdgConfigHome && isAbsolute(xdgConfigHome)
      ? xdgConfigHome
      : join(env.HOME || homedir(), ".config");
  return {
    url: env.BOOKING_URL || "http://localhost:3000",
    token: env.BOOKING_TOKEN || undefined,
    configDir: join(configHome, "booking"),
  };
}
