import { type Command, NotLoggedInError, type TokenSource, UsageError } from "./command.ts";
import { CredentialStoreError } from "./credential-store.ts";
import { describeFailure, failureInfo } from "./describe-failure.ts";
import type { Output } from "./output.ts";
import { PromptCancelledError } from "./prompt.ts";

/** Prints one line (two for usage) about why `command` failed; returns the exit code. */
export function reportFailure(
  error: unknown,
  command: Command,
  context: { url: string; login: string; tokenSource: TokenSource | undefined },
  output: Output,
): number {
  if (error instanceof UsageError) {
    output.err(`${error.message}\nUsage: booking ${command.synopsis}`);
    return 2;
  }
  if (
    error instanceof NotLoggedInError ||
    error instanceof CredentialStoreError ||
    error instanceof PromptCancelledError
  ) {
    output.err(error.message);
    return 1;
  }
  const line = describeFailure(error, context.url);
  const { tokenSource } = context;
  if (failureInfo(error)?.code !== "UNAUTHENTICATED" || !tokenSource) output.err(line);
  else if (tokenSource === "stored login") {
    output.err(`${line} The stored login is no longer valid; run \`${context.login}\`.`);
  } else output.err(`${line} The token from ${tokenSource} was not accepted.`);
  return 1;
}
