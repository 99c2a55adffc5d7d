import { readCliEnvironment } from "./cli-config.ts";
import { processOutput } from "./output.ts";
import { runCli } from "./run-cli.ts";

// `booking bookings | head` closes the pipe early: that is the reader's choice, not a
// failure, so the command ends quietly instead of with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), readCliEnvironment(), processOutput, {
  input: process.stdin,
  output: process.stderr,
});
