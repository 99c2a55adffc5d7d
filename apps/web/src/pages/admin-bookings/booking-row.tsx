import type { BookingDto } from "@booking/contracts";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatPeriod } from "../my-bookings/booking-format.ts";
import { StatusBadge } from "../my-bookings/status-badge.tsx";
import type { Booker } from "./booker.ts";
import { useBookingCatalog } from "./use-catalog.ts";

/** One booking of the list: what and where, when (the venue's clock), who, its status. */
export function BookingRow({
  booking,
  booker,
}: {
  booking: BookingDto;
  booker: Booker | undefined;
}) {
  const { t, language } = useI18n();
  const { venue, offering } = useBookingCatalog(booking);
  return (
    <li className="card booking-card" data-testid="admin-booking">
      <div className="booking-card-top">
        <h3>
          <Link
            to="/admin/bookings/$bookingId"
            params={{ bookingId: booking.id }}
            className="booking-link"
          >
            {offering?.name ?? t("booking.title")}
          </Link>
        </h3>
        <StatusBadge status={booking.status} />
      </div>
      <p>{venue?.name ?? "…"}</p>
      <p>{venue ? formatPeriod(booking, venue.timeZone, language) : "…"}</p>
      <p className="muted break">
        {booker ? `${booker.name} · ${booker.email}` : "…"} ·{" "}
        {t("adminBookings.guestCount", { count: booking.guests })}
      </p>
    </li>
  );
}
