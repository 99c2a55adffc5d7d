import type { NotificationDto } from "@booking/contracts";
import { notificationStatusSchema } from "@booking/contracts";
import type { Command } from "../command.ts";
import { collectPages } from "../paging.ts";
import { formatTable, formatTimestamp } from "../table.ts";
import { noOperands, parseChoice, parseLimit } from "./option-values.ts";

export const outboxListCommand: Command = {
  name: "outbox",
  synopsis: "outbox [--status <status>] [--limit <n>] [--all]",
  summary: "list the e-mail outbox, newest first: pending, sent, failed with the error (admins)",
  options: ["status", "limit", "all"],
  async run({ authenticated, operands, options, output }) {
    noOperands(operands);
    const status = parseChoice("--status", options.status, notificationStatusSchema);
    const limit = parseLimit(options.limit);
    const client = await authenticated();
    const { items, nextCursor } = await collectPages(
      (cursor) => client.notifications.list.query({ status, limit, cursor }),
      Boolean(options.all),
    );
    if (options.json) {
      output.out(JSON.stringify({ items, nextCursor }, null, 2));
      return 0;
    }
    if (items.length === 0) {
      output.out(status ? `No ${status} notifications.` : "The outbox is empty.");
      return 0;
    }
    for (const line of outboxTable(items)) output.out(line);
    if (nextCursor) output.err(`Showing the newest ${items.length}; --all lists every one.`);
    return 0;
  },
};

export function outboxTable(notifications: NotificationDto[]): string[] {
  return formatTable(
    ["ID", "STATUS", "KIND", "TO", "ATTEMPTS", "DUE (UTC)", "SENT (UTC)", "LAST ERROR"],
    notifications.map((notification) => [
      notification.id,
      notification.status,
      notification.kind,
      notification.to,
      String(notification.attempts),
      formatTimestamp(notification.dueAt),
      notification.sentAt ? formatTimestamp(notification.sentAt) : "-",
      notification.lastError ?? "-",
    ]),
  );
}
