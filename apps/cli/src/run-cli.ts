import { parseArgs } from "node:util";
import type { CliEnvironment } from "./cli-config.ts";
import type { CommandOptionName, TokenSource } from "./command.ts";
import { UsageError } from "./command.ts";
import { createCommandContext, loginCommandLine } from "./command-context.ts";
import { findCommand } from "./command-registry.ts";
import type { Output } from "./output.ts";
import type { Terminal } from "./prompt.ts";
import { reportFailure } from "./report-failure.ts";
import { usage } from "./usage.ts";

const globalOptions = new Set(["url", "token", "json", "help", "verbose"]);

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(
  args: string[],
  env: CliEnvironment,
  output: Output,
  terminal: Terminal,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    // `pnpm cli -- status` passes the separator through; it means nothing here.
    parsed = parse(args[0] === "--" ? args.slice(1) : args);
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${usage(env.configDir)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? output.out : output.err)(usage(env.configDir));
    return values.help ? 0 : 2;
  }
  const lookup = findCommand(positionals);
  if (!lookup.found) {
    output.err(`${lookup.problem}\n\n${usage(env.configDir)}`);
    return 2;
  }
  const command = lookup.found;
  let tokenSource: TokenSource | undefined;
  try {
    const misplaced = Object.keys(values).find(
      (name) => !globalOptions.has(name) && !command.options.includes(name as CommandOptionName),
    );
    if (misplaced) throw new UsageError(`--${misplaced} does not apply to "${command.name}".`);
    const { url, token, ...options } = values;
    const invocation = {
      url,
      token,
      operands: lookup.operands,
      options: { ...options, json: options.json ?? false },
    };
    const context = createCommandContext(invocation, env, { output, terminal }, (source) => {
      tokenSource = source;
    });
    return await command.run(context);
  } catch (error) {
    const failure = {
      url: values.url ?? env.url,
      login: loginCommandLine(values.url),
      tokenSource,
    };
    return reportFailure(error, command, failure, output);
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      token: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      email: { type: "string" },
      "password-stdin": { type: "boolean" },
      status: { type: "string" },
      limit: { type: "string" },
      all: { type: "boolean" },
      reason: { type: "string" },
      "postal-code": { type: "string" },
      near: { type: "string" },
      "radius-km": { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      date: { type: "string" },
      guests: { type: "string" },
      "check-in": { type: "string" },
      "check-out": { type: "string" },
      room: { type: "string", multiple: true },
      start: { type: "string" },
      notes: { type: "string" },
      "idempotency-key": { type: "string" },
      venue: { type: "string" },
      year: { type: "string" },
      wait: { type: "boolean" },
      verbose: { type: "boolean", short: "v" },
      offline: { type: "boolean" },
    },
  });
}
