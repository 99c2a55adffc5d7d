import type { Command } from "../command.ts";
import { printable } from "../table.ts";
import { userIdOperand } from "./user-id-operand.ts";

export const usersApproveCommand: Command = {
  name: "users approve",
  synopsis: "users approve <id>",
  summary: "approve a pending registration",
  options: [],
  async run({ authenticated, operands, options, output }) {
    const id = userIdOperand(operands);
    const { user } = await (await authenticated()).users.approve.mutate({ id });
    if (options.json) output.out(JSON.stringify(user, null, 2));
    else output.out(`Approved ${printable(user.name)} <${printable(user.email)}> (${user.id}).`);
    return 0;
  },
};
