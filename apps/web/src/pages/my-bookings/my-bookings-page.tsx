import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { RequireUser } from "../../components/require-user.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { localToday } from "./booking-format.ts";
import { BookingSummary } from "./booking-summary.tsx";
import "./my-bookings.css";

type Period = "upcoming" | "past";

export function MyBookingsPage() {
  const { t } = useI18n();
  return (
    <RequireUser title={t("myBookings.title")}>
      {() => (
        <>
          <PageHeading title={t("myBookings.title")} />
          <MyBookings />
        </>
      )}
    </RequireUser>
  );
}

function MyBookings() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>("upcoming");
  return (
    <>
      <fieldset className="segmented" aria-label={t("myBookings.show")}>
        {(["upcoming", "past"] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            className="button button-small"
            aria-pressed={period === choice}
            onClick={() => setPeriod(choice)}
          >
            {t(`myBookings.${choice}`)}
          </button>
        ))}
      </fieldset>
      <BookingList key={period} period={period} />
    </>
  );
}

/**
 * A page of the member's bookings by start, and more on request with the api's cursor.
 * Upcoming: everything that has not ended before today; past: what started before today.
 */
function BookingList({ period }: { period: Period }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const headingId = useId();
  const today = localToday(new Date());
  const bookings = useInfiniteQuery(
    trpc.bookings.list.infiniteQueryOptions(
      period === "upcoming" ? { from: today, limit: 20 } : { to: today, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = bookings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`myBookings.${period}`)}</h2>
      {bookings.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {bookings.isError && <Alert kind="error">{describe(bookings.error)}</Alert>}
      {bookings.isSuccess && items.length === 0 && (
        <>
          <p className="empty">
            {t(period === "upcoming" ? "myBookings.emptyUpcoming" : "myBookings.emptyPast")}
          </p>
          <p>
            <Link to="/venues">{t("myBookings.findPlace")}</Link>
          </p>
        </>
      )}
      {items.length > 0 && (
        <ul className="booking-list" aria-labelledby={headingId}>
          {items.map((booking) => (
            <BookingSummary key={booking.id} booking={booking} />
          ))}
        </ul>
      )}
      {bookings.hasNextPage && (
        <button
          type="button"
          className="button button-secondary"
          disabled={bookings.isFetchingNextPage}
          onClick={() => bookings.fetchNextPage()}
        >
          {bookings.isFetchingNextPage ? t("myBookings.loadingMore") : t("myBookings.more")}
        </button>
      )}
    </section>
  );
}
