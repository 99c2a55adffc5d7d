import { join } from "node:path";
import { megabytes } from "../check.ts";
import { contentionChecks } from "../contention/contention-checks.ts";
import {
  ownerToken,
  rateLimitNote,
  startStressSystem,
  stressClient,
} from "../fixtures/stress-api.ts";
import { startNginx } from "../infra/nginx.ts";
import { startClockWork } from "../instances/background-work.ts";
import { exactlyOnceChecks } from "../instances/exactly-once.ts";
import { leadership } from "../instances/leaders.ts";
import { mainFlows } from "../instances/main-flows.ts";
import type { Check, Scenario } from "../scenario.ts";

export const severalInstancesScenario: Scenario = {
  name: "several-instances",
  description:
    "two api processes on one PostgreSQL behind nginx (docs/deployment/nginx.conf): the flash crowd and races through the proxy, book/confirm/cancel read back from both processes, and every background job done once",
  async run(context) {
    context.log(`${rateLimitNote}; TRUST_PROXY=1 behind nginx`);
    const system = await startStressSystem(context.workDir, 2, { TRUST_PROXY: "1" });
    let stopNginx = async () => {};
    try {
      const nginx = await startNginx(
        join(context.workDir, "nginx"),
        system.apis.map((api) => api.url),
      );
      stopNginx = nginx.stop;
      const processUrls = system.apis.map((api) => api.url);
      context.log(`nginx ${nginx.url} → ${processUrls.join(", ")}`);
      const setup = stressClient(nginx.url, 4);
      const token = await ownerToken(setup);
      setup.close();
      const clockWork = await startClockWork(nginx.url, token);
      context.log(
        `clock work set up (holds, bookings ending soon, reminders); all due by ${new Date(clockWork.doneBy).toISOString().slice(11, 19)}`,
      );
      const checks: Check[] = [];
      const figures: Record<string, number | string> = {};
      const contention = await contentionChecks(nginx.url, token, context.log);
      checks.push(...contention.checks);
      Object.assign(figures, contention.figures);
      context.log("book, confirm, cancel through nginx, read back from both processes");
      const flows = await mainFlows(nginx.url, processUrls, token);
      checks.push(...flows.checks);
      Object.assign(figures, flows.figures);
      context.log("waiting for the clock's work (hold expiry, completion, reminders)");
      const clock = await clockWork.verify();
      checks.push(...clock.checks);
      Object.assign(figures, clock.figures);
      const once = await exactlyOnceChecks(
        nginx.url,
        processUrls,
        token,
        join(context.workDir, "data", "outbox"),
        contention.crowd,
      );
      checks.push(...once.checks);
      Object.assign(figures, once.figures);
      const leaders = await leadership(system.apis);
      checks.push(...leaders.checks);
      Object.assign(figures, leaders.figures);
      for (const api of system.apis) {
        figures[`${api.name}_rss_mb`] = megabytes(await api.rssBytes());
      }
      figures.rate_limit = rateLimitNote;
      return { checks, figures };
    } finally {
      await stopNginx();
      await system.stop();
    }
  },
};
