import { bookingErrorInfo } from "@booking/client";
import type { BookingDto, OfferingDto } from "@booking/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "./booking-api.ts";
import { cancelState, formatTimes, localDateIn } from "./booking-format.ts";
import { MoveForm } from "./move-form.tsx";

/**
 * Moving a booking: a stay by its dates (same rooms), an appointment to another free time.
 * Allowed for pending and confirmed bookings that have not begun; a booker of a confirmed
 * booking only until the cancellation notice (docs/product.md, "Changing a booking").
 */
export function RescheduleCard({
  api,
  booking,
  offering,
  noticeHours,
  approvalRequired,
  zone,
}: {
  api: BookingApi;
  booking: BookingDto;
  offering: OfferingDto;
  noticeHours: number;
  approvalRequired: boolean;
  zone: string;
}) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState(false);
  const move = useMutation(
    api.trpc.bookings.update.mutationOptions({
      onSuccess: () => {
        setMoved(true);
        setOpen(false);
        return queryClient.invalidateQueries({
          queryKey: api.trpc.bookings.get.queryKey({ id: booking.id }),
        });
      },
    }),
  );
  const state = cancelState(booking, noticeHours, new Date());
  const movable =
    (booking.status === "pending" || booking.status === "confirmed") &&
    state.kind !== "tooLate" &&
    Date.parse(booking.start) > Date.now();
  if (!movable && !moved) return null;

  const info = move.isError ? bookingErrorInfo(move.error) : undefined;
  const error =
    info?.code === "SLOT_UNAVAILABLE"
      ? t("reschedule.taken")
      : info?.details?.rule === "CANCELLATION_NOTICE"
        ? t("reschedule.tooLate")
        : move.isError
          ? describe(move.error)
          : undefined;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reschedule.title")}</h2>
      {moved && <Alert kind="success">{t("reschedule.done")}</Alert>}
      {movable && approvalRequired && booking.status === "confirmed" && (
        <p className="muted-text">{t("reschedule.approval")}</p>
      )}
      {movable && (
        <MoveChoice
          api={api}
          booking={booking}
          offering={offering}
          zone={zone}
          open={open}
          pending={move.isPending}
          onOpen={() => {
            setMoved(false);
            move.reset();
            setOpen(true);
          }}
          onClose={() => setOpen(false)}
          onMove={(patch) => move.mutate({ id: booking.id, patch })}
        />
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </section>
  );
}

/** Where a booking may be moved to: its dates or its time. */
export type MovePatch =
  | { checkIn: string; checkOut: string }
  | { start: string; resourceIds?: string[] };

/**
 * Behind a "Move this booking…" button, the choice of new dates (a stay) or a new free time
 * (an appointment); the booker's card and the admin's card around it decide what a move does.
 */
export function MoveChoice({
  api,
  booking,
  offering,
  zone,
  open,
  pending,
  onOpen,
  onClose,
  onMove,
}: {
  api: BookingApi;
  booking: BookingDto;
  offering: OfferingDto;
  zone: string;
  open: boolean;
  pending: boolean;
  onOpen: () => void;
  onClose: () => void;
  onMove: (patch: MovePatch) => void;
}) {
  const { t } = useI18n();
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={onOpen}>
          {t("reschedule.open")}
        </button>
      </p>
    );
  }
  return offering.mode === "stay" ? (
    <StayDates
      booking={booking}
      pending={pending}
      onMove={(checkIn, checkOut) => onMove({ checkIn, checkOut })}
      onClose={onClose}
    />
  ) : (
    <SlotTimes
      api={api}
      booking={booking}
      zone={zone}
      pending={pending}
      onMove={(start, resourceIds) => onMove({ start, ...(resourceIds ? { resourceIds } : {}) })}
      onClose={onClose}
    />
  );
}

/** New dates for a stay, the same rooms (also the admin's booking page uses it). */
function StayDates({
  booking,
  pending,
  onMove,
  onClose,
}: {
  booking: BookingDto;
  pending: boolean;
  onMove: (checkIn: string, checkOut: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [checkIn, setCheckIn] = useState(booking.checkIn ?? "");
  const [checkOut, setCheckOut] = useState(booking.checkOut ?? "");
  const valid = checkIn !== "" && checkOut !== "" && checkOut > checkIn;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (valid) onMove(checkIn, checkOut);
  };
  return (
    <MoveForm onSubmit={submit} ready={valid} pending={pending} onClose={onClose}>
      <div className="field">
        <label htmlFor={`${id}-in`}>{t("booking.checkIn")}</label>
        <input
          id={`${id}-in`}
          type="date"
          value={checkIn}
          onChange={(event) => setCheckIn(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-out`}>{t("booking.checkOut")}</label>
        <input
          id={`${id}-out`}
          type="date"
          value={checkOut}
          min={checkIn || undefined}
          aria-invalid={checkIn !== "" && checkOut !== "" && !valid ? true : undefined}
          onChange={(event) => setCheckOut(event.target.value)}
        />
      </div>
    </MoveForm>
  );
}

/** Another free time for an appointment, on a day picked (also the admin's booking page uses it). */
function SlotTimes({
  api,
  booking,
  zone,
  pending,
  onMove,
  onClose,
}: {
  api: BookingApi;
  booking: BookingDto;
  zone: string;
  pending: boolean;
  onMove: (start: string, resourceIds: string[] | undefined) => void;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const describe = useErrorMessage();
  const id = useId();
  const [date, setDate] = useState(localDateIn(booking.start, zone));
  const [chosen, setChosen] = useState<string | undefined>();
  const slots = useQuery({
    ...api.trpc.availability.slots.queryOptions({ offeringId: booking.offeringId, date }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const choices = (slots.data?.slots ?? []).filter((slot) => slot.start !== booking.start);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const slot = choices.find((candidate) => candidate.start === chosen);
    if (!slot) return;
    // Keep the bay when it is free then; else take one that is.
    const keeps = booking.resourceIds.every((resource) => slot.freeResourceIds.includes(resource));
    onMove(slot.start, keeps ? undefined : slot.freeResourceIds.slice(0, 1));
  };
  return (
    <MoveForm onSubmit={submit} ready={chosen !== undefined} pending={pending} onClose={onClose}>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t("reschedule.date")}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(event) => {
            setDate(event.target.value);
            setChosen(undefined);
          }}
        />
      </div>
      {slots.isFetching && <p aria-busy="true">{t("app.loading")}</p>}
      {slots.isError && <Alert kind="error">{describe(slots.error)}</Alert>}
      {slots.isSuccess && choices.length === 0 && (
        <p className="muted-text">{t("reschedule.noTimes")}</p>
      )}
      {choices.length > 0 && (
        <fieldset className="time-choices">
          <legend>{t("reschedule.time")}</legend>
          {choices.map((slot) => (
            <label key={slot.start} className="time-choice">
              <input
                type="radio"
                name={`${id}-slot`}
                value={slot.start}
                checked={chosen === slot.start}
                onChange={() => setChosen(slot.start)}
              />
              {formatTimes(slot, zone, language)}
            </label>
          ))}
        </fieldset>
      )}
    </MoveForm>
  );
}
