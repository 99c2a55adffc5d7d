import type { MonthlyStatistics } from "@booking/contracts";
import { useMemo } from "react";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatLocalDate } from "../book-stay/local-date.ts";
import { minorDigits } from "./money.ts";
import { MonthChart } from "./month-chart.tsx";
import { occupancyPercent } from "./statistics-rows.ts";

/** Occupancy and revenue per month, as bar charts. */
export function StatisticsCharts({ statistics }: { statistics: MonthlyStatistics }) {
  const { t, language } = useI18n();
  const locale = locales[language];
  const { months, currency, year } = statistics;
  const monthNames = useMemo(
    () => months.map((month) => formatLocalDate(`${month.month}-01`, locale, { month: "short" })),
    [months, locale],
  );
  const narrowMonthNames = useMemo(
    () => months.map((month) => formatLocalDate(`${month.month}-01`, locale, { month: "narrow" })),
    [months, locale],
  );
  const occupancy = useMemo(
    () => months.map((month) => occupancyPercent(month.occupancy)),
    [months],
  );
  const revenue = useMemo(
    () => months.map((month) => month.revenue / 10 ** minorDigits(currency)),
    [months, currency],
  );
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  // The axis in whole units: "€400" says as much as "€400.00" in less room.
  const wholeMoney = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  });
  return (
    <div className="statistics-charts">
      <figure className="card statistics-figure">
        <figcaption>{t("adminStatistics.occupancy")}</figcaption>
        <MonthChart
          label={t("adminStatistics.occupancyChart", { year })}
          monthNames={monthNames}
          narrowMonthNames={narrowMonthNames}
          values={occupancy}
          color="#2b6cb0"
          maxValue={100}
          formatValue={(value) => percent.format(value / 100)}
        />
      </figure>
      <figure className="card statistics-figure">
        <figcaption>
          {t("adminStatistics.revenue")} ({currency})
        </figcaption>
        <MonthChart
          label={t("adminStatistics.revenueChart", { year, currency })}
          monthNames={monthNames}
          narrowMonthNames={narrowMonthNames}
          values={revenue}
          color="#276749"
          formatValue={(value) => wholeMoney.format(value)}
        />
      </figure>
    </div>
  );
}
