import type { BookingClient } from "@booking/client";
import type { ProjectionDto } from "@booking/contracts";
import type { Command, CommandContext } from "../command.ts";
import { projectionNameOperand } from "./projection-name-operand.ts";

export const projectionsRebuildCommand: Command = {
  name: "projections rebuild",
  synopsis: "projections rebuild <name> [--wait]",
  summary: "rebuild a read model from the start of the log while it keeps being served (admins)",
  options: ["wait"],
  async run(context) {
    const name = projectionNameOperand(context.operands);
    const client = await context.authenticated();
    const { projection } = await client.projections.rebuild.mutate({ name });
    if (!context.options.wait) return done(context, projection, "Rebuilding");
    const finished = await waitForRebuild(client, name);
    if (finished.state === "rebuilding") {
      context.output.err(
        `The rebuild of ${name} failed: ${finished.rebuild?.failure?.message}; the previous rows are still served. \`booking projections retry ${name}\` tries again.`,
      );
      return 1;
    }
    return done(context, finished, "Rebuilt");
  },
};

function done(context: CommandContext, projection: ProjectionDto, verb: string): number {
  if (context.options.json) {
    context.output.out(JSON.stringify({ projection }, null, 2));
  } else if (verb === "Rebuilding") {
    context.output.out(
      `Rebuilding ${projection.name} from the start of the log; its current rows are served until the rebuilt ones have caught up (see \`booking projections\`).`,
    );
  } else {
    context.output.out(
      `Rebuilt ${projection.name}: at log position ${projection.position.globalPosition}, lag ${projection.lag}.`,
    );
  }
  return 0;
}

/** Until the rebuilt tables are swapped in, or the rebuild's handler failed. */
async function waitForRebuild(client: BookingClient, name: string): Promise<ProjectionDto> {
  for (;;) {
    const { items } = await client.projections.list.query();
    const projection = items.find((item) => item.name === name);
    if (!projection) throw new Error(`The server no longer lists ${name}.`);
    if (projection.state !== "rebuilding" || projection.rebuild?.failure) return projection;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
