import { parseArgs } from "node:util";
import { bookingErrorInfo, createBookingClient } from "@booking/client";
import type { CliEnvironment } from "./cli-config.ts";
import { statusCommand } from "./commands/status.command.ts";
import type { Output } from "./output.ts";

const usage = `Usage: booking <command> [options]

Commands:
  status        show the server's version, uptime, database and migrations

Options:
  --url <url>      server address (env BOOKING_URL, default http://localhost:3000)
  --token <token>  API token (env BOOKING_TOKEN)
  --json           print machine-readable JSON
  -h, --help       show this help`;

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(args: string[], env: CliEnvironment, output: Output): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    // `pnpm cli -- status` passes the separator through; it means nothing here.
    parsed = parse(args[0] === "--" ? args.slice(1) : args);
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  if (values.help || !command) {
    (command || values.help ? output.out : output.err)(usage);
    return values.help ? 0 : 2;
  }
  const url = values.url ?? env.url;
  const token = values.token ?? env.token;
  const client = createBookingClient({ url, ...(token ? { token } : {}) });
  try {
    switch (command) {
      case "status":
        return await statusCommand(client, { url, json: values.json ?? false }, output);
      default:
        output.err(`Unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    output.err(describeFailure(error, url));
    return 1;
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
    },
  });
}

function describeFailure(error: unknown, url: string): string {
  const info = bookingErrorInfo(error);
  if (info) {
    const requestId = info.requestId ? ` (request ${info.requestId})` : "";
    return `Error ${info.code}: ${info.message}${requestId}`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `Cannot reach the booking server at ${url}: ${reason}`;
}
