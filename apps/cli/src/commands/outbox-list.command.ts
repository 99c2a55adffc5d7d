import type { NotificationDto } from "@booking/contracts";
import { notificationStatusSchema } from "@booking/contracts";
import { type Command, type CommandOptions, UsageError } from "../command.ts";
import { collectPages } from "../paging.ts";
import { formatTable, formatTimestamp } from "../table.ts";
import { parseLimit } from "./option-values.ts";

type NotificationStatus = NotificationDto["status"];

export const outboxListCommand: Command = {
  name: "outbox",
  synopsis: "outbox [--status <status>] [--limit <n>] [--all]",
  summary: "list the e-mail outbox, newest first: pending, sent, failed with the error (admins)",
  options: ["status", "limit", "all"],
  async run({ authenticated, operands, options, output }) {
    if (operands.length > 0) throw new UsageError(`Unexpected argument "${operands[0]}".`);
    const status = parseStatus(options.status);
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

function parseStatus(status: CommandOptions["status"]): NotificationStatus | undefined {
  if (status === undefined) return undefined;
  const parsed = notificationStatusSchema.safeParse(status);
  if (parsed.success) return parsed.data;
  throw new UsageError(
    `--status must be one of ${notificationStatusSchema.options.join(", ")}; got "${status}".`,
  );
}
