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
  -v, --verbose       tell more (book: the idempotency key)
  -h, --help          show this help

  login    --email <e-mail>   the account (asked for when missing)
           --password-stdin   read the password from stdin (for scripts; needs --email)
  users list   --status <s>   only pending, active, rejected, disabled or erased users
               --limit <n>    users per page, 1-200 (default 50)
               --all          every page, not only the first
  users reject --reason <t>   why (required)
  venues   --postal-code <p>  postal codes starting with p
           --near <lat>,<lng> nearest first (--near=-33.9,151.2 for a leading minus)
           --radius-km <n>    only venues within n km of --near
  availability --from <date>  first night or day (YYYY-MM-DD, the venue's local date)
               --to <date>    end, exclusive (at most 92 days after --from)
               --guests <n>   only rooms for at least n guests
               --date <date>  one day of slots instead of a range
  book     --check-in <date> --check-out <date> --room <id>   a stay (repeat --room)
           --start <time>     a slot's start, ISO 8601 with offset (see availability)
           --guests <n>       default 1
           --notes <text>     for the venue
           --idempotency-key <k>  default a new UUID, shown with --verbose; repeating a
                              command with the same key never books twice
  bookings --status <s>       held, pending, confirmed, completed, rejected, cancelled,
                              expired or no_show
           --venue <id>       one venue's bookings
           --from/--to <date> bookings that overlap these local dates
  cancel   --reason <t>       why (optional)
  reject   --reason <t>       why (required)
  stats    --venue <id>       the venue (required)
           --year <yyyy>      the calendar year (default this year)
  projections rebuild --wait  wait until the rebuilt rows are served
  backup   --offline          read the database itself (DATABASE_URL or BOOKING_DATA_DIR),
                              not through the api; works while the api is stopped
  outbox   --status <s>       pending, sent, failed or cancelled
  feeds create --venue <id>   a venue's bookings instead of mine (admins)
  Lists take --limit <n> (1-200, default 50) and --all.

Logins are kept per server in ${configDir}/credentials.json (readable only by you).`;
}
