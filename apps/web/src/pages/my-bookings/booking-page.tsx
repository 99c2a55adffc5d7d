import { Link, useParams } from "@tanstack/react-router";
import { RequireUser } from "../../components/require-user.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { bookingClient, trpc } from "../../trpc.ts";
import { BookingView } from "./booking-view.tsx";

/** A member's own booking (`/bookings/$bookingId`), the link their e-mails carry. */
export function BookingPage() {
  const { t } = useI18n();
  const { bookingId } = useParams({ from: "/bookings/$bookingId" });
  return (
    <RequireUser title={t("booking.title")}>
      {(user) => (
        <>
          <p className="breadcrumb">
            <Link to="/bookings">{t("booking.back")}</Link>
          </p>
          <BookingView
            api={{ trpc, client: bookingClient, viewer: { userId: user.id } }}
            bookingId={bookingId}
            title={t("booking.title")}
            notFound={{ title: t("booking.notFoundTitle"), text: t("booking.notFound") }}
          />
        </>
      )}
    </RequireUser>
  );
}
