import { idSchema } from "@booking/contracts";
import { type Command, UsageError } from "../command.ts";

export const outboxRetryCommand: Command = {
  name: "outbox retry",
  synopsis: "outbox retry <id>",
  summary: "send a failed notification again (admins)",
  options: [],
  async run({ authenticated, operands, options, output }) {
    const [id, extra] = operands;
    if (id === undefined)
      throw new UsageError(
        "The notification's id is missing (see `booking outbox --status failed`).",
      );
    if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
    if (!idSchema.safeParse(id).success)
      throw new UsageError(`"${id}" is not a notification id (a UUID).`);
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
