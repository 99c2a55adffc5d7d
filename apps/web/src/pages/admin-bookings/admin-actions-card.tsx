import type { BookingDto } from "@booking/contracts";
import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useOutcome } from "../admin/use-outcome.ts";
import { ReasonForm } from "./reason-form.tsx";
import { useBookingDecisions } from "./use-booking-decisions.ts";
import { useRefusalMessage } from "./use-refusal-message.ts";

type Asking = "reject" | "cancel" | undefined;

// Cancelling frees the rooms of a booking that still keeps them (docs/product.md).
const cancellable = new Set<BookingDto["status"]>(["held", "pending", "confirmed"]);

/**
 * What the venue may decide about a booking in its status: confirm or reject a request,
 * cancel (also inside the booker's notice; the reason is recorded and sent), and mark a
 * confirmed booking that has begun as a no-show.
 */
export function AdminActionsCard({ booking }: { booking: BookingDto }) {
  const { t } = useI18n();
  const refusal = useRefusalMessage();
  const headingId = useId();
  const decisions = useBookingDecisions();
  const { done, failure, report } = useOutcome();
  const [asking, setAsking] = useState<Asking>();
  const busy = Object.values(decisions).some((decision) => decision.isPending);
  const close = () => setAsking(undefined);
  // A refused reason form stays open with what was typed; a done one closes.
  const reportAndClose = (success: string) => {
    const outcome = report(success);
    return {
      ...outcome,
      onSuccess: () => {
        outcome.onSuccess();
        close();
      },
    };
  };
  const started = Date.parse(booking.start) <= Date.now();
  const pending = booking.status === "pending";
  const confirmed = booking.status === "confirmed";
  const canCancel = cancellable.has(booking.status);
  const nothingToDo = !pending && !canCancel;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("adminBooking.actions")}</h2>
      {done && <Alert kind="success">{done}</Alert>}
      {failure !== undefined && <Alert kind="error">{refusal(failure)}</Alert>}
      {nothingToDo && (
        <p className="muted">
          {t("adminBooking.final", { status: t(`booking.status.${booking.status}`) })}
        </p>
      )}
      {asking === "reject" && (
        <ReasonForm
          label={t("adminBooking.rejectReason")}
          submitLabel={t("adminBooking.rejectConfirm")}
          busy={busy}
          onClose={close}
          onSubmit={(reason) =>
            decisions.reject.mutate(
              { id: booking.id, reason },
              reportAndClose(t("adminBooking.rejected")),
            )
          }
        />
      )}
      {asking === "cancel" && (
        <ReasonForm
          label={t("adminBooking.cancelReason")}
          submitLabel={t("adminBooking.cancelConfirm")}
          busy={busy}
          onClose={close}
          onSubmit={(reason) =>
            decisions.cancel.mutate(
              { id: booking.id, reason },
              reportAndClose(t("adminBooking.cancelled")),
            )
          }
        />
      )}
      {asking === undefined && !nothingToDo && (
        <div className="actions">
          {pending && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                decisions.confirm.mutate({ id: booking.id }, report(t("adminBooking.confirmed")))
              }
            >
              {t("adminBooking.confirm")}
            </button>
          )}
          {pending && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setAsking("reject")}
            >
              {t("adminBooking.reject")}
            </button>
          )}
          {confirmed && started && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() =>
                decisions.noShow.mutate({ id: booking.id }, report(t("adminBooking.markedNoShow")))
              }
            >
              {t("adminBooking.noShow")}
            </button>
          )}
          {canCancel && (
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => setAsking("cancel")}
            >
              {t("adminBooking.cancel")}
            </button>
          )}
        </div>
      )}
      {confirmed && !started && <p className="muted">{t("adminBooking.noShowLater")}</p>}
    </section>
  );
}
