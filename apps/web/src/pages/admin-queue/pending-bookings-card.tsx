import { Link } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useOutcome } from "../admin/use-outcome.ts";
import { bookerOf, memberIdsOf } from "../admin-bookings/booker.ts";
import { useBookingDecisions } from "../admin-bookings/use-booking-decisions.ts";
import { usePeople } from "../admin-bookings/use-people.ts";
import { useRefusalMessage } from "../admin-bookings/use-refusal-message.ts";
import { PendingBookingItem } from "./pending-booking-item.tsx";
import { useQueue } from "./use-queue.ts";

/**
 * The booking requests that wait, the longest-waiting first. A decision says how it went
 * above the list, and the request leaves the list once the queue is read again.
 */
export function PendingBookingsCard() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const refusal = useRefusalMessage();
  const queue = useQueue();
  const decisions = useBookingDecisions();
  const { done, failure, report } = useOutcome();
  const waiting = queue.data?.pendingBookings;
  const people = usePeople(memberIdsOf(waiting?.items ?? []));
  const busyId = [decisions.confirm, decisions.reject].find((action) => action.isPending)?.variables
    ?.id;

  return (
    <section className="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading">
        {t("adminQueue.requestsTitle")}
        {waiting && waiting.count > 0 && <span className="count-badge">{waiting.count}</span>}
      </h2>
      {done && <Alert kind="success">{done}</Alert>}
      {failure !== undefined && <Alert kind="error">{refusal(failure)}</Alert>}
      {queue.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {queue.isError && <Alert kind="error">{describe(queue.error)}</Alert>}
      {waiting && waiting.items.length === 0 && (
        <p className="empty">{t("adminQueue.requestsEmpty")}</p>
      )}
      {waiting && waiting.items.length > 0 && (
        <ul className="queue-list" aria-labelledby="requests-heading">
          {waiting.items.map((booking) => {
            const booker = bookerOf(booking, people);
            const name = booker?.name ?? "…";
            return (
              <PendingBookingItem
                key={booking.id}
                booking={booking}
                booker={booker}
                busy={busyId === booking.id}
                onConfirm={() =>
                  decisions.confirm.mutate(
                    { id: booking.id },
                    report(t("adminQueue.confirmed", { name })),
                  )
                }
                onReject={(reason) =>
                  decisions.reject.mutate(
                    { id: booking.id, reason },
                    report(t("adminQueue.rejected", { name })),
                  )
                }
              />
            );
          })}
        </ul>
      )}
      {waiting && waiting.count > waiting.items.length && (
        <p>
          <Link to="/admin/bookings" search={{ status: "pending" }}>
            {t("adminQueue.allRequests", { count: waiting.count })}
          </Link>
        </p>
      )}
    </section>
  );
}
