import type { BookingDto } from "@booking/contracts";
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";
import { DecisionActions } from "../admin/decision-actions.tsx";
import type { Booker } from "../admin-bookings/booker.ts";
import { BookingFacts } from "../admin-bookings/booking-facts.tsx";
import { ReasonForm } from "../admin-bookings/reason-form.tsx";
import { useBookingCatalog } from "../admin-bookings/use-catalog.ts";
import { RoomCheck } from "./room-check.tsx";

/** One request that waits: what was asked, whether it can still be had, and the decision. */
export function PendingBookingItem({
  booking,
  booker,
  busy,
  onConfirm,
  onReject,
}: {
  booking: BookingDto;
  booker: Booker | undefined;
  busy: boolean;
  onConfirm: () => void;
  onReject: (reason: string) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const { venue, offering, resources } = useBookingCatalog(booking);
  const who = booker?.name ?? "…";
  const title = `${offering?.name ?? "…"} · ${venue?.name ?? "…"}`;
  return (
    <li className="card queue-item" aria-labelledby={headingId} data-testid="pending-booking">
      <h3 id={headingId}>
        <Link to="/admin/bookings/$bookingId" params={{ bookingId: booking.id }}>
          {title}
        </Link>
      </h3>
      {venue ? (
        <>
          <BookingFacts
            booking={booking}
            venueName={venue.name}
            zone={venue.timeZone}
            offering={offering}
            resources={resources}
            booker={booker}
          />
          <RoomCheck booking={booking} zone={venue.timeZone} resources={resources} />
          <p className="muted">{t("booking.timeZone", { zone: venue.timeZone })}</p>
        </>
      ) : (
        <p aria-busy="true">{t("app.loading")}</p>
      )}
      <DecisionActions
        busy={busy}
        confirm={{
          text: t("adminQueue.confirm"),
          label: t("adminQueue.confirmLabel", { name: who, what: title }),
        }}
        reject={{
          text: t("adminQueue.reject"),
          label: t("adminQueue.rejectLabel", { name: who, what: title }),
        }}
        onConfirm={onConfirm}
        rejectForm={(close) => (
          <ReasonForm
            label={t("adminQueue.rejectReason", { name: who })}
            submitLabel={t("adminQueue.rejectConfirm")}
            busy={busy}
            onSubmit={onReject}
            onClose={close}
          />
        )}
      />
    </li>
  );
}
