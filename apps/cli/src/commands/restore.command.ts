import { resolve } from "node:path";
import { type Command, UsageError } from "../command.ts";
import { runServerTool } from "./server-tool.ts";

export const restoreCommand: Command = {
  name: "restore",
  synopsis: "restore <file>",
  summary:
    "load a backup into an empty database and rebuild every read model (api stopped; DATABASE_URL or BOOKING_DATA_DIR, and the backup's BOOKING_SECRET)",
  options: [],
  async run(context) {
    const [file, ...more] = context.operands;
    if (!file || more.length > 0) throw new UsageError("restore needs exactly one file.");
    return runServerTool(["restore", resolve(file)], context.output);
  },
};
