import type { Command } from "../command.ts";
import { printable } from "../table.ts";

export const whoamiCommand: Command = {
  name: "whoami",
  synopsis: "whoami",
  summary: "show the user the token belongs to",
  options: [],
  async run({ authenticated, url, options, output }) {
    const { user } = await (await authenticated()).me.get.query();
    if (options.json) {
      output.out(JSON.stringify(user, null, 2));
      return 0;
    }
    output.out(
      `${printable(user.name)} <${printable(user.email)}>, ${user.role} (${user.status}) at ${url}`,
    );
    return 0;
  },
};
