import { commands } from "./command-registry.ts";
import { formatTable } from "./table.ts";

export function usage(configDir: string): string {
  const commandLines = formatTable(
    ["", ""],
    commands.map((command) => [command.name, command.summary]),
  ).slice(1);
  return `Usage: booking <command> [options]

Commands:
${commandLines.map((line) => `  ${line}`).join("\n")}

Options:
  --url <url>         server address (env BOOKING_URL, default http://localhost:3000)
  --token <token>     API token (env BOOKING_TOKEN); otherwise the stored login is used
  --json              print machine-readable JSON
  -h, --help          show this help

  login    --email <e-mail>   the account (asked for when missing)
           --password-stdin   read the password from stdin (for scripts; needs --email)
  users list   --status <s>   only pending, active, rejected, disabled or erased users
               --limit <n>    users per page, 1-200 (default 50)
               --all          every page, not only the first
  users reject --reason <t>   why (required)

Logins are kept per server in ${configDir}/credentials.json (readable only by you).`;
}
