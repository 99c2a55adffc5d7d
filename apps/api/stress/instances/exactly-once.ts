import { readdir } from "node:fs/promises";
import { check } from "../check.ts";
import { stressClient } from "../fixtures/stress-api.ts";
import { until } from "../infra/until.ts";
import type { Check } from "../scenario.ts";
import { listAll } from "./list-all.ts";
import { samples, scrape } from "./metrics-text.ts";

interface NotificationItem {
  id: string;
  kind: string;
  bookingId?: string;
  status: string;
}

/**
 * After the load: the asynchronous projections of every process caught up, and counted
 * each booking once (the statistics of the flash-crowd venue equal its bookings); every
 * mail handed over once (the transport hand-offs of all processes, as /metrics counts
 * them, equal the notifications recorded sent and the files in the shared outbox), none
 * failed, and no booking got the same kind of mail twice.
 */
export async function exactlyOnceChecks(
  proxyUrl: string,
  processUrls: string[],
  token: string,
  outboxDir: string,
  crowd: { venueId: string; bookings: number; years: number[] },
): Promise<{ checks: Check[]; figures: Record<string, number> }> {
  const client = stressClient(proxyUrl, 4);
  const checks: Check[] = [];
  try {
    const caughtUpMs = await until(
      "projections caught up on every process",
      async () => {
        const readies = await Promise.all(
          processUrls.map(
            async (url) =>
              (await (await fetch(`${url}/ready`)).json()) as { projections: { lag: number }[] },
          ),
        );
        return readies.every((ready) => ready.projections.every((p) => p.lag === 0));
      },
      60_000,
    ).catch(() => Number.POSITIVE_INFINITY);
    checks.push(
      check(
        "asynchronous projections caught up (lag 0 on every process)",
        Number.isFinite(caughtUpMs),
        Number.isFinite(caughtUpMs) ? `within ${Math.round(caughtUpMs)} ms` : "not within 60 s",
      ),
    );
    let confirmed = 0;
    for (const year of crowd.years) {
      const { months } = await client.json<{ months: { confirmed: number }[] }>(
        "GET",
        `/api/v1/stats/monthly?year=${year}&venueId=${crowd.venueId}`,
        200,
        { token },
      );
      confirmed += months.reduce((sum, month) => sum + month.confirmed, 0);
    }
    checks.push(
      check(
        `statistics count each of the flash crowd's ${crowd.bookings} bookings once`,
        confirmed === crowd.bookings,
        `${confirmed} confirmed in /stats/monthly`,
      ),
    );

    // Mail: wait until only reminders are pending (those of bookings days ahead wait for
    // their time), then compare the three counts.
    const pending = () =>
      listAll<NotificationItem>(client, "/api/v1/notifications?status=pending", token);
    const pendingBefore = (await pending()).length;
    await until(
      "outbox drained of all but future reminders",
      async () => (await pending()).every((item) => item.kind === "booking_reminder"),
      60_000,
    ).catch(() => undefined);
    const sent = await listAll<NotificationItem>(
      client,
      "/api/v1/notifications?status=sent",
      token,
    );
    const failed = await listAll<NotificationItem>(
      client,
      "/api/v1/notifications?status=failed",
      token,
    );
    let handOffs = 0;
    for (const url of processUrls) {
      for (const sample of samples(await scrape(url), "notifications_sent_total"))
        handOffs += sample.value;
    }
    const files = (await readdir(outboxDir).catch(() => [] as string[])).filter((f) =>
      f.endsWith(".eml"),
    );
    checks.push(
      check(
        "every mail handed to the transport once: hand-offs = sent notifications = outbox files",
        handOffs === sent.length && files.length === sent.length && failed.length === 0,
        `${handOffs} hand-offs (all processes), ${sent.length} sent, ${files.length} files, ${failed.length} failed`,
      ),
    );
    const seen = new Map<string, number>();
    for (const item of sent) {
      if (!item.bookingId) continue;
      const key = `${item.bookingId} ${item.kind}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const twice = [...seen.values()].filter((n) => n > 1).length;
    checks.push(
      check(
        "no booking got the same kind of mail twice",
        twice === 0,
        `${seen.size} booking mails, ${twice} repeated`,
      ),
    );
    return {
      checks,
      figures: {
        mails_sent: sent.length,
        mails_pending_before_drain: pendingBefore,
        projections_caught_up_ms: Math.round(caughtUpMs),
      },
    };
  } finally {
    client.close();
  }
}
