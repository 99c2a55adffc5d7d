import type { Command } from "./command.ts";
import { availabilityCommand } from "./commands/availability.command.ts";
import { backupCommand } from "./commands/backup.command.ts";
import { bookCommand } from "./commands/book.command.ts";
import { bookingsListCommand } from "./commands/bookings-list.command.ts";
import { bookingsShowCommand } from "./commands/bookings-show.command.ts";
import { cancelCommand } from "./commands/cancel.command.ts";
import { confirmCommand } from "./commands/confirm.command.ts";
import { feedsCreateCommand } from "./commands/feeds-create.command.ts";
import { feedsListCommand } from "./commands/feeds-list.command.ts";
import { feedsRevokeCommand } from "./commands/feeds-revoke.command.ts";
import { loginCommand } from "./commands/login.command.ts";
import { logoutCommand } from "./commands/logout.command.ts";
import { outboxListCommand } from "./commands/outbox-list.command.ts";
import { outboxRetryCommand } from "./commands/outbox-retry.command.ts";
import { projectionsListCommand } from "./commands/projections-list.command.ts";
import { projectionsRebuildCommand } from "./commands/projections-rebuild.command.ts";
import { projectionsRetryCommand } from "./commands/projections-retry.command.ts";
import { rejectCommand } from "./commands/reject.command.ts";
import { restoreCommand } from "./commands/restore.command.ts";
import { statsCommand } from "./commands/stats.command.ts";
import { statusCommand } from "./commands/status.command.ts";
import { usersApproveCommand } from "./commands/users-approve.command.ts";
import { usersListCommand } from "./commands/users-list.command.ts";
import { usersRejectCommand } from "./commands/users-reject.command.ts";
import { venuesListCommand } from "./commands/venues-list.command.ts";
import { venuesShowCommand } from "./commands/venues-show.command.ts";
import { whoamiCommand } from "./commands/whoami.command.ts";

export const commands: readonly Command[] = [
  statusCommand,
  loginCommand,
  logoutCommand,
  whoamiCommand,
  usersListCommand,
  usersApproveCommand,
  usersRejectCommand,
  venuesListCommand,
  venuesShowCommand,
  availabilityCommand,
  bookCommand,
  bookingsListCommand,
  bookingsShowCommand,
  cancelCommand,
  confirmCommand,
  rejectCommand,
  statsCommand,
  projectionsListCommand,
  projectionsRebuildCommand,
  projectionsRetryCommand,
  outboxListCommand,
  outboxRetryCommand,
  feedsListCommand,
  feedsCreateCommand,
  feedsRevokeCommand,
  backupCommand,
  restoreCommand,
];

export type CommandLookup =
  | { found: Command; operands: string[] }
  | { found: undefined; problem: string };

/** The command named by the first one or two words; the rest are its operands. */
export function findCommand(words: string[]): CommandLookup {
  const [first = "", second] = words;
  const pair = commands.find((command) => command.name === `${first} ${second}`);
  if (pair) return { found: pair, operands: words.slice(2) };
  const single = commands.find((command) => command.name === first);
  if (single) return { found: single, operands: words.slice(1) };
  const group = commands.filter((command) => command.name.startsWith(`${first} `));
  if (group.length === 0) return { found: undefined, problem: `Unknown command "${first}".` };
  const choices = group.map((command) => command.name.slice(first.length + 1)).join("|");
  return {
    found: undefined,
    problem:
      second === undefined
        ? `"${first}" needs a subcommand: ${choices}.`
        : `Unknown command "${first} ${second}"; try ${first} ${choices}.`,
  };
}
