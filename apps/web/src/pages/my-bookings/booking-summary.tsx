import type { BookingDto } from "@booking/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatPrice } from "../../i18n/format-price.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { formatPeriod } from "./booking-format.ts";
import { StatusBadge } from "./status-badge.tsx";

// Places and offerings rarely change; one read serves every card of the same place.
const catalogStaleTime = 5 * 60_000;

/** One booking in the list: what, where, when (the venue's clock), price and status. */
export function BookingSummary({ booking }: { booking: BookingDto }) {
  const { t, language } = useI18n();
  const venue = useQuery({
    ...trpc.venues.get.queryOptions({ id: booking.venueId }),
    staleTime: catalogStaleTime,
  });
  const offering = useQuery({
    ...trpc.offerings.get.queryOptions({ id: booking.offeringId }),
    staleTime: catalogStaleTime,
  });
  const zone = venue.data?.venue.timeZone;
  return (
    <li className="card booking-card" data-testid="booking-card">
      <div className="booking-card-top">
        <h3>
          <Link
            to="/bookings/$bookingId"
            params={{ bookingId: booking.id }}
            className="booking-link"
          >
            {offering.data?.offering.name ?? t("booking.title")}
          </Link>
        </h3>
        <StatusBadge status={booking.status} />
      </div>
      <p>{venue.data?.venue.name ?? "…"}</p>
      <p>{zone ? formatPeriod(booking, zone, language) : "…"}</p>
      <p className="booking-card-price">{formatPrice(booking.price, language)}</p>
    </li>
  );
}
