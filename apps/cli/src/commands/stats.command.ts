import type { MonthlyStatistics } from "@booking/contracts";
import { monthlyStatisticsQuerySchema } from "@booking/contracts";
import { type Command, UsageError } from "../command.ts";
import { formatMoney } from "../money.ts";
import { formatTable } from "../table.ts";
import { checkedInput, noOperands } from "./option-values.ts";

export const statsCommand: Command = {
  name: "stats",
  synopsis: "stats --venue <id> [--year <yyyy>]",
  summary: "a venue's bookings, guests, nights, revenue and occupancy per month (admins)",
  options: ["venue", "year"],
  async run({ authenticated, operands, options, output }) {
    noOperands(operands);
    if (options.venue === undefined) {
      throw new UsageError("--venue is required (see `booking venues`).");
    }
    const query = checkedInput(
      monthlyStatisticsQuerySchema,
      { venueId: options.venue, year: options.year ?? String(new Date().getFullYear()) },
      { venueId: "--venue", year: "--year" },
    );
    const client = await authenticated();
    const statistics = await client.statistics.monthly.query(query);
    if (options.json) {
      output.out(JSON.stringify(statistics, null, 2));
      return 0;
    }
    for (const line of statisticsTable(statistics)) output.out(line);
    return 0;
  },
};

export function statisticsTable(statistics: MonthlyStatistics): string[] {
  const { currency } = statistics;
  return formatTable(
    ["MONTH", "BOOKINGS", "CONFIRMED", "CANCELLED", "GUESTS", "NIGHTS", "REVENUE", "OCCUPANCY"],
    statistics.months.map((month) => [
      month.month,
      String(month.bookings),
      String(month.confirmed),
      String(month.cancelled),
      String(month.guests),
      String(month.nights),
      formatMoney({ amount: month.revenue, currency }),
      `${(month.occupancy * 100).toFixed(1)}%`,
    ]),
  );
}
