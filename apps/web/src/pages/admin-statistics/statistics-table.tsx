import type { MonthlyStatistics } from "@booking/contracts";
import { useId } from "react";
import { formatPrice } from "../../i18n/format-price.ts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatLocalDate } from "../book-stay/local-date.ts";
import { COLUMNS, type Column, occupancyPercent } from "./statistics-rows.ts";
import { useColumnNames } from "./use-column-names.ts";

/** The figures of the charts and more, month by month: also the charts' text alternative. */
export function StatisticsTable({ statistics }: { statistics: MonthlyStatistics }) {
  const { t, language } = useI18n();
  const names = useColumnNames(statistics.currency);
  const captionId = useId();
  const locale = locales[language];
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const cells = (month: MonthlyStatistics["months"][number]): Record<Column, string> => ({
    month: formatLocalDate(`${month.month}-01`, locale, { month: "long" }),
    bookings: count.format(month.bookings),
    confirmed: count.format(month.confirmed),
    cancelled: count.format(month.cancelled),
    guests: count.format(month.guests),
    nights: count.format(month.nights),
    revenue: formatPrice({ amount: month.revenue, currency: statistics.currency }, language),
    occupancy: percent.format(occupancyPercent(month.occupancy) / 100),
  });
  return (
    // On a phone the table scrolls sideways: the region takes focus for keyboard scrolling.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="statistics-table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="statistics-table" data-testid="statistics-table">
        <caption id={captionId}>{t("adminStatistics.table", { year: statistics.year })}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {names[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {statistics.months.map((month) => {
            const row = cells(month);
            return (
              <tr key={month.month} data-month={month.month}>
                <th scope="row">{row.month}</th>
                {COLUMNS.slice(1).map((column) => (
                  <td key={column} data-column={column}>
                    {row[column]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
