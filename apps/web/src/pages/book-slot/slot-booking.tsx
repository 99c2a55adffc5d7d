import type { OfferingDto, VenueDto } from "@booking/contracts";
import { useI18n } from "../../i18n/use-i18n.ts";

/** Booking an appointment of this offering: a day, a slot, the hold, the questions. */
export function SlotBooking({ offering }: { venue: VenueDto; offering: OfferingDto }) {
  const { t } = useI18n();
  return <p>{t("offering.comingNext", { name: offering.name })}</p>;
}
