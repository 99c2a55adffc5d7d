import type { BookingDto, OfferingDto, VenueDto } from "@booking/contracts";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert } from "../../components/alert.tsx";
import { formatPrice } from "../../i18n/format-price.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { downloadCalendarFile } from "./token-client.ts";
import { formatLongDay, formatTime, localDate } from "./zoned-time.ts";

/** What was booked, when (venue's zone), for how much, its status; for a guest the manage link. */
export function BookingConfirmation({
  venue,
  offering,
  booking,
  manageToken,
  onAgain,
}: {
  venue: VenueDto;
  offering: OfferingDto;
  booking: BookingDto;
  manageToken: string | undefined;
  onAgain: () => void;
}) {
  const { t, language } = useI18n();
  const zone = venue.timeZone;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const calendar = useMutation({
    mutationFn: () => downloadCalendarFile(booking.id, manageToken),
  });
  const manageUrl = manageToken
    ? new URL(`/manage/${encodeURIComponent(manageToken)}`, window.location.origin).toString()
    : undefined;
  const status =
    booking.status === "confirmed" || booking.status === "pending"
      ? t(`bookSlot.status.${booking.status}`)
      : t("bookSlot.status.other", { status: booking.status });
  return (
    <section className="book-slot" aria-labelledby="booking-done">
      <h2 id="booking-done" ref={heading} tabIndex={-1}>
        {t("bookSlot.doneTitle")}
      </h2>
      <Alert kind="success">
        {booking.status === "pending" ? t("bookSlot.donePending") : t("bookSlot.doneConfirmed")}
      </Alert>
      <dl className="facts card" data-testid="booking-facts">
        <dt>{t("bookSlot.what")}</dt>
        <dd>
          {offering.name}, {venue.name}
        </dd>
        <dt>{t("bookSlot.when")}</dt>
        <dd>
          {t("bookSlot.whenValue", {
            date: formatLongDay(localDate(booking.start, zone), language),
            from: formatTime(booking.start, zone, language),
            to: formatTime(booking.end, zone, language),
            zone,
          })}
        </dd>
        <dt>{t("bookSlot.price")}</dt>
        <dd>{formatPrice(booking.price, language)}</dd>
        <dt>{t("bookSlot.status")}</dt>
        <dd>{status}</dd>
      </dl>
      {manageUrl && (
        <div className="card manage-link" data-testid="manage-link">
          <h3>{t("bookSlot.manageTitle")}</h3>
          <p>
            <a href={manageUrl}>{manageUrl}</a>
          </p>
          <p className="warning">{t("bookSlot.manageNote")}</p>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={calendar.isPending}
          onClick={() => calendar.mutate()}
        >
          {t("bookSlot.addToCalendar")}
        </button>
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {t("bookSlot.again")}
        </button>
      </div>
      {calendar.isError && (
        <Alert kind="error">
          {t("bookSlot.calendarFailed", { message: calendar.error.message })}
        </Alert>
      )}
    </section>
  );
}
