import type { Command } from "../command.ts";
import { projectionNameOperand } from "./projection-name-operand.ts";

export const projectionsRetryCommand: Command = {
  name: "projections retry",
  synopsis: "projections retry <name>",
  summary: "after a failure: handle the failed batch of a read model again (admins)",
  options: [],
  async run({ authenticated, operands, options, output }) {
    const name = projectionNameOperand(operands);
    const client = await authenticated();
    const { projection } = await client.projections.retry.mutate({ name });
    if (options.json) {
      output.out(JSON.stringify({ projection }, null, 2));
      return 0;
    }
    output.out(`${projection.name}: ${projection.state}, lag ${projection.lag}.`);
    return 0;
  },
};
