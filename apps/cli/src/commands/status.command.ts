import type { BookingClient } from "@booking/client";
import { formatDuration, type Output } from "../output.ts";

export async function statusCommand(
  client: BookingClient,
  options: { url: string; json: boolean },
  output: Output,
): Promise<number> {
  const status = await client.system.status.query();
  if (options.json) {
    output.out(JSON.stringify(status, null, 2));
    return 0;
  }
  output.out(`Booking server ${status.version} at ${options.url}`);
  output.out(`  uptime      ${formatDuration(status.uptimeSeconds)}`);
  output.out(`  database    PostgreSQL ${status.database.version}`);
  output.out(
    `  migrations  ${status.migrations.applied} applied, ${status.migrations.pending} pending`,
  );
  return 0;
}
