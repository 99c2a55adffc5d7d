import type { User } from "@booking/contracts";
import { userStatusSchema } from "@booking/contracts";
import type { Command } from "../command.ts";
import { collectPages } from "../paging.ts";
import { formatTable, formatTimestamp } from "../table.ts";
import { noOperands, parseChoice, parseLimit } from "./option-values.ts";

export const usersListCommand: Command = {
  name: "users list",
  synopsis: "users list [--status <status>] [--limit <n>] [--all]",
  summary: "list users as a table (or --json), oldest first",
  options: ["status", "limit", "all"],
  async run({ authenticated, operands, options, output }) {
    noOperands(operands);
    const status = parseChoice("--status", options.status, userStatusSchema);
    const limit = parseLimit(options.limit);
    const client = await authenticated();
    const { items, nextCursor } = await collectPages(
      (cursor) => client.users.list.query({ status, limit, cursor }),
      Boolean(options.all),
    );
    if (options.json) {
      output.out(JSON.stringify({ items, nextCursor }, null, 2));
      return 0;
    }
    if (items.length === 0) {
      output.out(status ? `No ${status} users.` : "No users.");
      return 0;
    }
    for (const line of usersTable(items)) output.out(line);
    if (nextCursor) output.err(`Showing the first ${items.length}; --all lists every user.`);
    return 0;
  },
};

export function usersTable(users: User[]): string[] {
  return formatTable(
    ["ID", "STATUS", "ROLE", "NAME", "E-MAIL", "CREATED (UTC)"],
    users.map((user) => [
      user.id,
      user.status,
      user.role,
      user.name,
      user.email,
      formatTimestamp(user.createdAt),
    ]),
  );
}
