import type { BookingDto, OfferingDto } from "@booking/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "../my-bookings/booking-api.ts";
import { MoveChoice } from "../my-bookings/reschedule-card.tsx";
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
      {move.isError && <Alert kind="error">{refusal(move.error)}</Alert>}
    </section>
  );
}
