import { resolve } from "node:path";
import { type Command, UsageError } from "../command.ts";
import { downloadBackup } from "./backup-download.ts";
import { runServerTool } from "./server-tool.ts";

export const backupCommand: Command = {
  name: "backup",
  synopsis: "backup [file] [--offline]",
  summary:
    "save everything that cannot be rebuilt to an NDJSON file (admins; `-` is stdout, .gz compresses)",
  options: ["offline"],
  async run(context) {
    const [file, ...more] = context.operands;
    if (more.length > 0) throw new UsageError("backup takes at most one file.");
    if (context.options.offline) {
      const target = file === undefined || file === "-" ? file : resolve(file);
      return runServerTool(["backup", ...(target ? [target] : [])], context.output);
    }
    return downloadBackup(context, file);
  },
};
