import { megabytes } from "../check.ts";
import { contentionChecks, flashCrowd } from "../contention/contention-checks.ts";
import {
  ownerToken,
  rateLimitNote,
  startStressSystem,
  stressClient,
} from "../fixtures/stress-api.ts";
import type { Scenario } from "../scenario.ts";

export const flashCrowdScenario: Scenario = {
  name: "flash-crowd",
  description: `${flashCrowd.requests} booking requests for ${flashCrowd.slots} slots over ${flashCrowd.connections} connections, then 200 racing for one room and 200 for a slot with 3 bays, on one api process`,
  async run(context) {
    context.log(rateLimitNote);
    const system = await startStressSystem(context.workDir, 1);
    try {
      const [api] = system.apis;
      if (!api) throw new Error("no api process");
      const setup = stressClient(api.url, 4);
      const token = await ownerToken(setup);
      setup.close();
      const result = await contentionChecks(api.url, token, context.log);
      return {
        checks: result.checks,
        figures: {
          ...result.figures,
          api_rss_after_mb: megabytes(await api.rssBytes()),
          rate_limit: rateLimitNote,
        },
      };
    } finally {
      await system.stop();
    }
  },
};
