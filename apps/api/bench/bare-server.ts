import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { productionFlags } from "./api-process.ts";

const childEntry = fileURLToPath(new URL("./bare-server-child.ts", import.meta.url));

/** Starts bare-server-child.ts serving `bodies` (path → JSON text); see there. */
export async function startBareServer(bodies: Record<string, string>) {
  const child = fork(childEntry, [], { execArgv: productionFlags, stdio: "ignore" });
  const [listening] = (await once(child, "message")) as [{ url: string }];
  child.send({ type: "bodies", bodies });
  await once(child, "message");
  return {
    url: listening.url,
    stop: async () => {
      const exited = once(child, "exit");
      child.send({ type: "stop" });
      await exited;
    },
  };
}
