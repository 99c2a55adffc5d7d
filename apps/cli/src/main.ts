import { readCliEnvironment } from "./cli-config.ts";
import { processOutput } from "./output.ts";
import { runCli } from "./run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), readCliEnvironment(), processOutput, {
  input: process.stdin,
  output: process.stderr,
});
