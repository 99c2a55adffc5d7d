import type { Scenario } from "../scenario.ts";
import { databaseOutageScenario } from "./database-outage.ts";
import { flashCrowdScenario } from "./flash-crowd.ts";
import { hostileClientsScenario } from "./hostile-clients.ts";
import { killNineScenario } from "./kill-nine.ts";
import { severalInstancesScenario } from "./several-instances.ts";
import { soakScenario } from "./soak.ts";

/** Every scenario of `pnpm stress`, in the order a full run takes them. */
export const scenarios: Scenario[] = [
  flashCrowdScenario,
  severalInstancesScenario,
  hostileClientsScenario,
  killNineScenario,
  databaseOutageScenario,
  soakScenario,
];
