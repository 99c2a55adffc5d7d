import { useI18n } from "../../i18n/use-i18n.ts";
import type { Column } from "./statistics-rows.ts";

/** The column names of the table and the CSV, in the reader's language. */
export function useColumnNames(currency: string): Record<Column, string> {
  const { t } = useI18n();
  return {
    month: t("adminStatistics.month"),
    bookings: t("adminStatistics.bookings"),
    confirmed: t("adminStatistics.confirmed"),
    cancelled: t("adminStatistics.cancelled"),
    guests: t("adminStatistics.guests"),
    nights: t("adminStatistics.nights"),
    revenue: `${t("adminStatistics.revenue")} (${currency})`,
    occupancy: `${t("adminStatistics.occupancy")} (%)`,
  };
}
