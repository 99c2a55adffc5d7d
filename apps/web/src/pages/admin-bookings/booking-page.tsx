import type { RouterOutputs } from "@booking/client";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { isMissing } from "../../errors/is-missing.ts";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useSession } from "../../session/use-session.ts";
import { bookingClient, trpc } from "../../trpc.ts";
import { HistoryTimeline } from "../my-bookings/history-timeline.tsx";
import { StatusBadge } from "../my-bookings/status-badge.tsx";
import { AdminActionsCard } from "./admin-actions-card.tsx";
import { AdminRescheduleCard } from "./admin-reschedule-card.tsx";
import { bookerOf } from "./booker.ts";
import { BookingFacts } from "./booking-facts.tsx";
import { useBookingCatalog } from "./use-catalog.ts";
import { usePeople } from "./use-people.ts";
import "../my-bookings/my-bookings.css";
import "./admin-bookings.css";

/** One booking for the venue (`/admin/bookings/$bookingId`): its facts, decisions, history. */
export function AdminBookingPage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const { bookingId } = useParams({ from: "/admin/bookings/$bookingId" });
  const read = useQuery(trpc.bookings.get.queryOptions({ id: bookingId }));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/bookings">{t("adminBooking.back")}</Link>
      </p>
      {read.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {read.isError && (
        <>
          <PageHeading
            title={isMissing(read.error) ? t("adminBooking.notFoundTitle") : t("booking.details")}
          />
          <Alert kind="error">
            {isMissing(read.error) ? t("adminBooking.notFound") : describe(read.error)}
          </Alert>
        </>
      )}
      {read.data && <AdminBooking booking={read.data.booking} history={read.data.history} />}
    </>
  );
}

function AdminBooking({ booking, history }: RouterOutputs["bookings"]["get"]) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const { user } = useSession();
  const { venue, offering, resources, error } = useBookingCatalog(booking);
  const actorIds = history.flatMap((entry) =>
    "userId" in entry.actor ? [entry.actor.userId] : [],
  );
  const bookerIds = "userId" in booking.bookedBy ? [booking.bookedBy.userId] : [];
  const people = usePeople([...new Set([...bookerIds, ...actorIds])].sort());
  const title = offering?.name ?? t("booking.details");
  const viewer = { userId: user?.id ?? "" };

  return (
    <>
      <PageHeading title={title}>
        <span className="with-badge booking-heading">
          <span>{title}</span>
          <StatusBadge status={booking.status} />
        </span>
      </PageHeading>
      {error && <Alert kind="error">{describe(error)}</Alert>}
      {venue ? (
        <div className="stack">
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{t("booking.details")}</h2>
            <BookingFacts
              booking={booking}
              venueName={venue.name}
              zone={venue.timeZone}
              offering={offering}
              resources={resources}
              booker={bookerOf(booking, people)}
            />
            <p className="muted">{t("booking.timeZone", { zone: venue.timeZone })}</p>
          </section>
          <AdminActionsCard booking={booking} />
          {offering && (
            <AdminRescheduleCard
              api={{ trpc, client: bookingClient, viewer }}
              booking={booking}
              offering={offering}
              zone={venue.timeZone}
            />
          )}
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{t("booking.history")}</h2>
            <HistoryTimeline
              history={history}
              zone={venue.timeZone}
              viewer={viewer}
              actorLabel={(actor) => {
                if (!("userId" in actor) || actor.userId === viewer.userId) return undefined;
                const person = people.get(actor.userId);
                return person && t("adminBooking.actor", { name: person.name });
              }}
            />
          </section>
        </div>
      ) : (
        !error && <p aria-busy="true">{t("app.loading")}</p>
      )}
    </>
  );
}
