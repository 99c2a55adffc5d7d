import type { BookingDto, OfferingDto } from "@booking/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "../my-bookings/booking-api.ts";
import { SlotTimes, StayDates } from "../my-bookings/reschedule-card.tsx";
import { useRefusalMessage } from "./use-refusal-message.ts";

/**
 * Moving a booking for the booker (who called, say): new dates for a stay, another free
 * time for an appointment. The venue is not bound by the booker's cancellation notice, so
 * anything pending or confirmed that has not begun can move.
 */
export function AdminRescheduleCard({
  api,
  booking,
  offering,
  zone,
}: {
  api: BookingApi;
  booking: BookingDto;
  offering: OfferingDto;
  zone: string;
}) {
  const { t } = useI18n();
  const refusal = useRefusalMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState(false);
  const move = useMutation(
    api.trpc.bookings.update.mutationOptions({
      onSuccess: () => {
        setMoved(true);
        setOpen(false);
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: api.trpc.bookings.pathKey() }),
          queryClient.invalidateQueries({ queryKey: api.trpc.availability.pathKey() }),
          queryClient.invalidateQueries({ queryKey: api.trpc.queue.pathKey() }),
        ]);
      },
    }),
  );
  const movable =
    (booking.status === "pending" || booking.status === "confirmed") &&
    Date.parse(booking.start) > Date.now();
  if (!movable && !moved) return null;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reschedule.title")}</h2>
      {moved && <Alert kind="success">{t("adminBooking.moved")}</Alert>}
      {movable &&
        (open ? (
          offering.mode === "stay" ? (
            <StayDates
              booking={booking}
              pending={move.isPending}
              onMove={(checkIn, checkOut) =>
                move.mutate({ id: booking.id, patch: { checkIn, checkOut } })
              }
              onClose={() => setOpen(false)}
            />
          ) : (
            <SlotTimes
              api={api}
              booking={booking}
              zone={zone}
              pending={move.isPending}
              onMove={(start, resourceIds) =>
                move.mutate({
                  id: booking.id,
                  patch: { start, ...(resourceIds ? { resourceIds } : {}) },
                })
              }
              onClose={() => setOpen(false)}
            />
          )
        ) : (
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setMoved(false);
                move.reset();
                setOpen(true);
              }}
            >
              {t("reschedule.open")}
            </button>
          </p>
        ))}
      {move.isError && <Alert kind="error">{refusal(move.error)}</Alert>}
    </section>
  );
}
