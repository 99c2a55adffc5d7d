import { Link } from "@tanstack/react-router";
import type { AnchorHTMLAttributes } from "react";

/** A link to a booking's page on the admin's desk (the admin bookings feature's route). */
export function AdminBookingLink({
  bookingId,
  ...anchor
}: { bookingId: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "onClick">) {
  return <Link {...anchor} to="/admin/bookings/$bookingId" params={{ bookingId }} />;
}
