import type { ProjectionDto } from "@booking/contracts";
import type { Command } from "../command.ts";
import { formatTable, formatTimestamp } from "../table.ts";
import { noOperands } from "./option-values.ts";

export const projectionsListCommand: Command = {
  name: "projections",
  synopsis: "projections",
  summary: "list the asynchronous read models: state, lag, log position, rebuild (admins)",
  options: [],
  async run({ authenticated, operands, options, output }) {
    noOperands(operands);
    const client = await authenticated();
    const { items } = await client.projections.list.query();
    if (options.json) {
      output.out(JSON.stringify({ items }, null, 2));
      return 0;
    }
    for (const line of projectionsTable(items)) output.out(line);
    return 0;
  },
};

export function projectionsTable(projections: ProjectionDto[]): string[] {
  return formatTable(
    ["NAME", "STATE", "LAG", "POSITION", "REBUILD", "FAILURE"],
    projections.map((projection) => [
      projection.name,
      projection.state,
      String(projection.lag),
      String(projection.position.globalPosition),
      projection.rebuild
        ? `lag ${projection.rebuild.lag}, since ${formatTimestamp(projection.rebuild.requestedAt)}${projection.rebuild.failure ? `, failed: ${projection.rebuild.failure.message}` : ""}`
        : "-",
      projection.failure ? projection.failure.message : "-",
    ]),
  );
}
