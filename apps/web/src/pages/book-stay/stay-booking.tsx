import type { OfferingDto, VenueDto } from "@booking/contracts";
import { useI18n } from "../../i18n/use-i18n.ts";

/** Booking a stay of this offering: nights, rooms, guests, the quote, the request. */
export function StayBooking({ offering }: { venue: VenueDto; offering: OfferingDto }) {
  const { t } = useI18n();
  return <p>{t("offering.comingNext", { name: offering.name })}</p>;
}
