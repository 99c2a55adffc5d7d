import { createBookingClient } from "@booking/client";
import type { CliEnvironment } from "./cli-config.ts";
import {
  type CommandContext,
  type CommandOptions,
  NotLoggedInError,
  type TokenSource,
  UsageError,
} from "./command.ts";
import { createCredentialStore } from "./credential-store.ts";
import type { Output } from "./output.ts";
import type { Terminal } from "./prompt.ts";
import { formatTimestamp } from "./table.ts";

export interface Invocation {
  /** --url and --token as given on the command line. */
  url: string | undefined;
  token: string | undefined;
  operands: string[];
  options: CommandOptions;
}

/**
 * What a command works with. The token of a call is --token, else BOOKING_TOKEN, else the
 * stored login for the server; `onTokenUsed` tells which, to explain a rejected token.
 */
export function createCommandContext(
  invocation: Invocation,
  env: CliEnvironment,
  io: { output: Output; terminal: Terminal },
  onTokenUsed: (source: TokenSource) => void,
): CommandContext {
  const url = invocation.url ?? env.url;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(`The server address must be an http(s) URL; got "${url}".`);
  }
  const store = createCredentialStore(env.configDir);
  const connect = (token?: string) => createBookingClient({ url, ...(token ? { token } : {}) });
  const explicitToken = invocation.token
    ? { token: invocation.token, source: "--token" as const }
    : env.token
      ? { token: env.token, source: "BOOKING_TOKEN" as const }
      : undefined;
  const login = loginCommandLine(invocation.url);
  return {
    url,
    operands: invocation.operands,
    options: invocation.options,
    ...io,
    store,
    connect,
    explicitToken,
    async authenticated() {
      if (explicitToken) {
        onTokenUsed(explicitToken.source);
        return connect(explicitToken.token);
      }
      const stored = await store.get(url);
      if (!stored) throw new NotLoggedInError(`Not logged in to ${url}. Run \`${login}\` first.`);
      if (!(Date.parse(stored.expiresAt) > Date.now())) {
        const expiredAt = formatTimestamp(stored.expiresAt);
        throw new NotLoggedInError(
          `The login to ${url} expired at ${expiredAt} UTC. Run \`${login}\` again.`,
        );
      }
      onTokenUsed("stored login");
      return connect(stored.token);
    },
  };
}

/** How to log in to the server this invocation addressed. */
export function loginCommandLine(urlOption: string | undefined): string {
  return urlOption ? `booking login --url ${urlOption}` : "booking login";
}
