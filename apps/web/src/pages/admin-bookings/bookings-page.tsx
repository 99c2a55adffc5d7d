import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { bookerOf, memberIdsOf } from "./booker.ts";
import { BookingRow } from "./booking-row.tsx";
import { BookingsFilter } from "./bookings-filter.tsx";
import { usePeople } from "./use-people.ts";
import "../my-bookings/my-bookings.css";
import "./admin-bookings.css";

const pageSize = 25;

/** Every booking, by start, narrowed by the filters in the address; more on request. */
export function AdminBookingsPage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const search = useSearch({ from: "/admin/bookings" });
  const navigate = useNavigate({ from: "/admin/bookings" });
  const bookings = useInfiniteQuery(
    trpc.bookings.list.infiniteQueryOptions(
      { ...search, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = bookings.data?.pages.flatMap((page) => page.items) ?? [];
  const people = usePeople(memberIdsOf(items));
  const filtered = Object.keys(search).length > 0;
  return (
    <>
      <PageHeading title={t("adminBookings.title")} />
      <div className="stack">
        <BookingsFilter
          // A new address (back, a shared link) starts the form from its filters.
          key={JSON.stringify(search)}
          search={search}
          onApply={(next) => navigate({ search: next })}
        />
        <section aria-labelledby="bookings-heading">
          <h2 id="bookings-heading">{t("adminBookings.results")}</h2>
          {bookings.isPending && <p aria-busy="true">{t("app.loading")}</p>}
          {bookings.isError && <Alert kind="error">{describe(bookings.error)}</Alert>}
          {bookings.isSuccess && items.length === 0 && (
            <p className="empty">
              {filtered ? t("adminBookings.emptyFiltered") : t("adminBookings.empty")}
            </p>
          )}
          {items.length > 0 && (
            <ul className="booking-list" aria-labelledby="bookings-heading">
              {items.map((booking) => (
                <BookingRow key={booking.id} booking={booking} booker={bookerOf(booking, people)} />
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
              {bookings.isFetchingNextPage ? t("myBookings.loadingMore") : t("admin.loadMore")}
            </button>
          )}
        </section>
      </div>
    </>
  );
}
