import type { BookingDto } from "@booking/contracts";
import { useI18n } from "../../i18n/use-i18n.ts";
import "./my-bookings.css";

/** A booking's status as a coloured badge; the word carries the meaning, the colour helps. */
export function StatusBadge({ status }: { status: BookingDto["status"] }) {
  const { t } = useI18n();
  return (
    <span className={`booking-status booking-status-${status}`} data-testid="booking-status">
      {t(`booking.status.${status}`)}
    </span>
  );
}
