import type { Command } from "../command.ts";
import { formatDuration } from "../output.ts";

export const statusCommand: Command = {
  name: "status",
  synopsis: "status",
  summary: "show the server's version, uptime, database and migrations",
  options: [],
  async run({ connect, explicitToken, url, options, output }) {
    const status = await connect(explicitToken?.token).system.status.query();
    if (options.json) {
      output.out(JSON.stringify(status, null, 2));
      return 0;
    }
    output.out(`Booking server ${status.version} at ${url}`);
    output.out(`  uptime      ${formatDuration(status.uptimeSeconds)}`);
    output.out(`  database    PostgreSQL ${status.database.version}`);
    output.out(
      `  migrations  ${status.migrations.applied} applied, ${status.migrations.pending} pending`,
    );
    return 0;
  },
};
