import { addDays, today } from "../../bench/dates.ts";
import type { HttpClient } from "../../bench/http-load.ts";
import { check, round } from "../check.ts";
import { stayVenue } from "../fixtures/catalog.ts";
import { stressClient } from "../fixtures/stress-api.ts";
import { until } from "../infra/until.ts";
import type { Check } from "../scenario.ts";

const rounds = 20;

/**
 * A member's life through the proxy: book (the venue wants approval), confirm, cancel;
 * after each step both processes are asked directly, right away, what they now show: the
 * booking's status, and whether its night is free. Returns how long the slower process
 * took to show each change (0 when it showed it at once).
 */
export async function mainFlows(
  proxyUrl: string,
  processUrls: string[],
  token: string,
): Promise<{ checks: Check[]; figures: Record<string, number> }> {
  const proxy = stressClient(proxyUrl, 4);
  const direct = processUrls.map((url) => stressClient(url, 4));
  const auth = { token };
  const problems: string[] = [];
  const delays: number[] = [];
  try {
    const home = await stayVenue(proxy, token, "Ferienhaus mit Freigabe", 2, true);
    const room = home.resourceIds[0] as string;
    const shows = async (step: string, probe: (client: HttpClient) => Promise<boolean>) => {
      const started = performance.now();
      try {
        await until(step, async () => (await Promise.all(direct.map(probe))).every(Boolean), 2_000);
        delays.push(performance.now() - started);
      } catch {
        problems.push(`${step}: not shown by every process within 2 s`);
      }
    };
    const nightFree = (client: HttpClient, night: string) =>
      client
        .json<{ nights: { date: string; freeResourceIds: string[] }[] }>(
          "GET",
          `/api/v1/offerings/${home.offeringId}/availability?from=${night}&to=${addDays(night, 1)}`,
          200,
        )
        .then(({ nights }) =>
          nights.some((n) => n.date === night && n.freeResourceIds.includes(room)),
        );
    const statusOf = (client: HttpClient, id: string) =>
      client
        .json<{ booking: { status: string } }>("GET", `/api/v1/bookings/${id}`, 200, auth)
        .then(({ booking }) => booking.status);

    for (let r = 0; r < rounds; r++) {
      const night = addDays(today(), 10 + r);
      const { booking } = await proxy.json<{ booking: { id: string; status: string } }>(
        "POST",
        "/api/v1/bookings",
        201,
        {
          ...auth,
          body: {
            offeringId: home.offeringId,
            resourceIds: [room],
            checkIn: night,
            checkOut: addDays(night, 1),
            guests: 2,
          },
        },
      );
      if (booking.status !== "pending") problems.push(`booked: ${booking.status}, not pending`);
      await shows(`booked ${night}`, async (client) => !(await nightFree(client, night)));
      await proxy.json("POST", `/api/v1/bookings/${booking.id}/confirm`, 200, auth);
      await shows(
        `confirmed ${booking.id}`,
        async (client) => (await statusOf(client, booking.id)) === "confirmed",
      );
      await proxy.json("DELETE", `/api/v1/bookings/${booking.id}`, 200, { ...auth, body: {} });
      await shows(
        `cancelled ${booking.id}`,
        async (client) => (await statusOf(client, booking.id)) === "cancelled",
      );
      await shows(`freed ${night}`, (client) => nightFree(client, night));
    }
  } catch (error) {
    problems.push((error as Error).message.slice(0, 200));
  } finally {
    proxy.close();
    for (const client of direct) client.close();
  }
  const slowest = Math.max(0, ...delays);
  return {
    checks: [
      check(
        `book, confirm, cancel through nginx (${rounds} times): every process shows each step within 2 s`,
        problems.length === 0,
        problems.length === 0
          ? `${delays.length} steps, slowest shown after ${round(slowest)} ms`
          : problems.slice(0, 3).join("; "),
      ),
    ],
    figures: { flows_slowest_step_shown_ms: round(slowest) },
  };
}
