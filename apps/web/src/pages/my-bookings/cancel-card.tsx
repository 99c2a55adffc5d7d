import { bookingErrorInfo } from "@booking/client";
import type { BookingDto } from "@booking/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { formatQuantity } from "../../i18n/format-quantity.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "./booking-api.ts";
import { cancelState, formatInstant } from "./booking-format.ts";

/**
 * Cancelling, with the venue's cancellation notice explained: until when the booker may
 * cancel, and that past it only the venue can. The result replaces the form in place.
 */
export function CancelCard({
  api,
  booking,
  noticeHours,
  zone,
}: {
  api: BookingApi;
  booking: BookingDto;
  noticeHours: number;
  zone: string;
}) {
  const { t, language } = useI18n();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState(false);
  const cancel = useMutation(
    api.trpc.bookings.cancel.mutationOptions({
      onSuccess: () => {
        setDone(true);
        setOpen(false);
        // The status and the history both change: read the booking again.
        return queryClient.invalidateQueries({
          queryKey: api.trpc.bookings.get.queryKey({ id: booking.id }),
        });
      },
    }),
  );
  const state = cancelState(booking, noticeHours, new Date());
  const hours = formatQuantity(noticeHours, "hour", language);

  if (done) {
    return (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("cancel.title")}</h2>
        <Alert kind="success">{t("cancel.done")}</Alert>
      </section>
    );
  }
  if (state.kind === "final") return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    cancel.mutate({ id: booking.id, ...(trimmed ? { reason: trimmed } : {}) });
  };
  const refusedForNotice =
    cancel.isError && bookingErrorInfo(cancel.error)?.details?.rule === "CANCELLATION_NOTICE";

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("cancel.title")}</h2>
      <p data-testid="cancel-notice">
        {state.kind === "anyTime" && t("cancel.anyTime")}
        {state.kind === "untilNotice" &&
          (noticeHours === 0
            ? t("cancel.noNotice")
            : t("cancel.untilNotice", {
                deadline: formatInstant(state.deadline, zone, language),
                hours,
              }))}
        {state.kind === "tooLate" &&
          t("cancel.tooLate", { deadline: formatInstant(state.deadline, zone, language), hours })}
      </p>
      {state.kind !== "tooLate" &&
        (open ? (
          <form className="form cancel-form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={reasonId}>{t("cancel.reason")}</label>
              <textarea
                id={reasonId}
                name="reason"
                value={reason}
                maxLength={2000}
                aria-describedby={`${reasonId}-hint`}
                onChange={(event) => setReason(event.target.value)}
              />
              <p className="field-hint" id={`${reasonId}-hint`}>
                {t("cancel.reasonHint")}
              </p>
            </div>
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={cancel.isPending}>
                {cancel.isPending ? t("cancel.cancelling") : t("cancel.confirm")}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setOpen(false)}
              >
                {t("cancel.keep")}
              </button>
            </div>
          </form>
        ) : (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
              {t("cancel.open")}
            </button>
          </p>
        ))}
      {cancel.isError && (
        <Alert kind="error">
          {refusedForNotice ? t("cancel.errorNotice") : describe(cancel.error)}
        </Alert>
      )}
    </section>
  );
}
