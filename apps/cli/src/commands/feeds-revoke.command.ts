import type { Command } from "../command.ts";
import { idOperand } from "./option-values.ts";

export const feedsRevokeCommand: Command = {
  name: "feeds revoke",
  synopsis: "feeds revoke <id>",
  summary: "revoke a calendar feed: its url stops working",
  options: [],
  async run({ authenticated, operands, options, output }) {
    const id = idOperand(operands, "feed", "see `booking feeds`");
    const client = await authenticated();
    await client.feeds.revoke.mutate({ id });
    if (options.json) {
      output.out(JSON.stringify({ id, revoked: true }, null, 2));
      return 0;
    }
    output.out(`Revoked feed ${id}; its url answers 404 from now on.`);
    return 0;
  },
};
