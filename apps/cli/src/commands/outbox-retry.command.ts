import type { Command } from "../command.ts";
import { idOperand } from "./option-values.ts";

export const outboxRetryCommand: Command = {
  name: "outbox retry",
  synopsis: "outbox retry <id>",
  summary: "send a failed notification again (admins)",
  options: [],
  async run({ authenticated, operands, options, output }) {
    const id = idOperand(operands, "notification", "see `booking outbox --status failed`");
    const client = await authenticated();
    const { notification } = await client.notifications.retry.mutate({ id });
    if (options.json) {
      output.out(JSON.stringify({ notification }, null, 2));
      return 0;
    }
    output.out(
      `${notification.kind} to ${notification.to}: ${notification.status} again, due now.`,
    );
    return 0;
  },
};
