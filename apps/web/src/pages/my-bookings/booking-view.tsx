import type { BookingDto } from "@booking/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { isMissing } from "../../errors/is-missing.ts";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { formatPrice } from "../../i18n/format-price.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "./booking-api.ts";
import { formatInstant, formatPeriod } from "./booking-format.ts";
import { CancelCard } from "./cancel-card.tsx";
import { HistoryTimeline } from "./history-timeline.tsx";
import { RescheduleCard } from "./reschedule-card.tsx";
import { StatusBadge } from "./status-badge.tsx";
import "./my-bookings.css";

const catalogStaleTime = 5 * 60_000;

/**
 * A booking's page, for its member (`/bookings/$id`) and for a guest with the manage token
 * (`/manage/$token`): details on the venue's clock, the history, the calendar file and
 * cancelling. `notFound` is what to say when the api does not open the booking.
 */
export function BookingView({
  api,
  bookingId,
  title,
  notFound,
  intro,
}: {
  api: BookingApi;
  bookingId: string;
  title: string;
  notFound: { title: string; text: string };
  /** A sentence under the heading (the guest's page explains its link). */
  intro?: string;
}) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const read = useQuery(api.trpc.bookings.get.queryOptions({ id: bookingId }));
  const venueId = read.data?.booking.venueId;
  const offeringId = read.data?.booking.offeringId;
  const venue = useQuery({
    ...api.trpc.venues.get.queryOptions({ id: venueId ?? "" }),
    enabled: venueId !== undefined,
    staleTime: catalogStaleTime,
  });
  const offering = useQuery({
    ...api.trpc.offerings.get.queryOptions({ id: offeringId ?? "" }),
    enabled: offeringId !== undefined,
    staleTime: catalogStaleTime,
  });
  const resources = useQuery({
    ...api.trpc.resources.list.queryOptions({ venueId: venueId ?? "" }),
    enabled: venueId !== undefined,
    staleTime: catalogStaleTime,
  });

  if (read.isPending) return <p aria-busy="true">{t("app.loading")}</p>;
  if (read.isError) {
    const missing = isMissing(read.error);
    return (
      <>
        <PageHeading title={missing ? notFound.title : title} />
        <Alert kind="error">{missing ? notFound.text : describe(read.error)}</Alert>
      </>
    );
  }
  if (venue.isError) {
    return (
      <>
        <PageHeading title={title} />
        <Alert kind="error">{describe(venue.error)}</Alert>
      </>
    );
  }
  if (!venue.data) return <p aria-busy="true">{t("app.loading")}</p>;

  const { booking, history } = read.data;
  const { timeZone, name: venueName, policies } = venue.data.venue;
  const resourceNames = booking.resourceIds.map(
    (id) => resources.data?.items.find((resource) => resource.id === id)?.name ?? "…",
  );
  return (
    <>
      <PageHeading title={offering.data?.offering.name ?? title}>
        <span className="with-badge booking-heading">
          <span>{offering.data?.offering.name ?? title}</span>
          <StatusBadge status={booking.status} />
        </span>
      </PageHeading>
      {intro && <p className="intro">{intro}</p>}
      <div className="stack">
        <BookingDetails
          booking={booking}
          venueName={venueName}
          zone={timeZone}
          resourceNames={resourceNames}
        />
        <CalendarDownload api={api} booking={booking} />
        {offering.data && (
          <RescheduleCard
            api={api}
            booking={booking}
            offering={offering.data.offering}
            noticeHours={policies.cancellationNoticeHours}
            approvalRequired={policies.approvalRequired}
            zone={timeZone}
          />
        )}
        <CancelCard
          api={api}
          booking={booking}
          noticeHours={policies.cancellationNoticeHours}
          zone={timeZone}
        />
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">{t("booking.history")}</h2>
          <HistoryTimeline history={history} zone={timeZone} viewer={api.viewer} />
        </section>
      </div>
    </>
  );
}

function BookingDetails({
  booking,
  venueName,
  zone,
  resourceNames,
}: {
  booking: BookingDto;
  venueName: string;
  zone: string;
  resourceNames: string[];
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("booking.details")}</h2>
      <dl className="facts" data-testid="booking-details">
        <dt>{t("booking.statusLabel")}</dt>
        <dd>{t(`booking.status.${booking.status}`)}</dd>
        <dt>{t("booking.place")}</dt>
        <dd>{venueName}</dd>
        {booking.checkIn ? (
          <>
            <dt>{t("booking.checkIn")}</dt>
            <dd>{formatInstant(booking.start, zone, language)}</dd>
            <dt>{t("booking.checkOut")}</dt>
            <dd>{formatInstant(booking.end, zone, language)}</dd>
          </>
        ) : (
          <>
            <dt>{t("booking.when")}</dt>
            <dd>{formatPeriod(booking, zone, language)}</dd>
          </>
        )}
        {booking.holdExpiresAt && (
          <>
            <dt>{t("booking.holdExpires")}</dt>
            <dd>{formatInstant(booking.holdExpiresAt, zone, language)}</dd>
          </>
        )}
        <dt>{t("booking.resources")}</dt>
        <dd>{resourceNames.join(", ")}</dd>
        <dt>{t("booking.guests")}</dt>
        <dd>{booking.guests}</dd>
        <dt>{t("booking.price")}</dt>
        <dd>{formatPrice(booking.price, language)}</dd>
        {booking.notes && (
          <>
            <dt>{t("booking.notes")}</dt>
            <dd className="break">{booking.notes}</dd>
          </>
        )}
        <dt>{t("booking.reference")}</dt>
        <dd className="break mono">{booking.id}</dd>
      </dl>
      <p className="muted-text">{t("booking.timeZone", { zone })}</p>
    </section>
  );
}

/** The booking as an `.ics` file, read through the api so a guest's token goes along. */
function CalendarDownload({ api, booking }: { api: BookingApi; booking: BookingDto }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const download = useMutation({
    mutationFn: async () => {
      const file = await api.client.bookings.calendarFile.query({ id: booking.id });
      const url = URL.createObjectURL(new Blob([file.content], { type: "text/calendar" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    },
  });
  return (
    <div>
      <button
        type="button"
        className="button button-secondary"
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {t("booking.calendar")}
      </button>
      {download.isError && (
        <Alert kind="error">
          {t("booking.calendarFailed", { message: describe(download.error) })}
        </Alert>
      )}
    </div>
  );
}
