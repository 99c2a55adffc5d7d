import type { BookingClient } from "@booking/client";
import type { CredentialStore } from "./credential-store.ts";
import type { Output } from "./output.ts";
import type { Terminal } from "./prompt.ts";

/** The options every command may receive; each command lists the ones it accepts. */
export interface CommandOptions {
  json: boolean;
  email?: string | undefined;
  "password-stdin"?: boolean | undefined;
  status?: string | undefined;
  limit?: string | undefined;
  all?: boolean | undefined;
  reason?: string | undefined;
  "postal-code"?: string | undefined;
  near?: string | undefined;
  "radius-km"?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  date?: string | undefined;
  guests?: string | undefined;
  "check-in"?: string | undefined;
  "check-out"?: string | undefined;
  room?: string[] | undefined;
  start?: string | undefined;
  notes?: string | undefined;
  "idempotency-key"?: string | undefined;
  venue?: string | undefined;
  year?: string | undefined;
  wait?: boolean | undefined;
  verbose?: boolean | undefined;
  offline?: boolean | undefined;
}

export type CommandOptionName = Exclude<keyof CommandOptions, "json">;

/** Where the token of a call comes from; decides what to tell the user when it fails. */
export type TokenSource = "--token" | "BOOKING_TOKEN" | "stored login";

export interface CommandContext {
  url: string;
  /** The operands after the command's name, e.g. the id of `users approve <id>`. */
  operands: string[];
  options: CommandOptions;
  output: Output;
  terminal: Terminal;
  store: CredentialStore;
  /** A client sending `token` (or none). */
  connect(token?: string): BookingClient;
  /** A client for calls that need a user: --token, BOOKING_TOKEN or the stored login. */
  authenticated(): Promise<BookingClient>;
  /** The token given by --token or BOOKING_TOKEN, which wins over a stored login. */
  explicitToken: { token: string; source: TokenSource } | undefined;
}

export interface Command {
  /** One or two words: `status`, `users list`. */
  name: string;
  /** The synopsis after `booking`, e.g. `users reject <id> --reason <text>`. */
  synopsis: string;
  summary: string;
  options: readonly CommandOptionName[];
  run(context: CommandContext): Promise<number>;
}

/** Wrong use of the command line: exit 2 with the command's synopsis. */
export class UsageError extends Error {}

/** No usable login for the server: exit 1 with a hint to run `booking login`. */
export class NotLoggedInError extends Error {}
