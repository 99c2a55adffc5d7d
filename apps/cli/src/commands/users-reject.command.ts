import { reasonSchema } from "@booking/contracts";
import { type Command, UsageError } from "../command.ts";
import { printable } from "../table.ts";
import { userIdOperand } from "./user-id-operand.ts";

export const usersRejectCommand: Command = {
  name: "users reject",
  synopsis: 'users reject <id> --reason "<text>"',
  summary: "reject a pending registration, telling the person why",
  options: ["reason"],
  async run({ authenticated, operands, options, output }) {
    const id = userIdOperand(operands);
    if (!options.reason?.trim()) throw new UsageError("--reason is required: tell the person why.");
    const reason = reasonSchema.safeParse(options.reason);
    if (!reason.success) {
      throw new UsageError(`--reason: ${reason.error.issues[0]?.message ?? "invalid"}.`);
    }
    const { user } = await (await authenticated()).users.reject.mutate({
      id,
      reason: reason.data,
    });
    if (options.json) output.out(JSON.stringify(user, null, 2));
    else output.out(`Rejected ${printable(user.name)} <${printable(user.email)}> (${user.id}).`);
    return 0;
  },
};
