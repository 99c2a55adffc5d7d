import type { OfferingDto } from "@booking/contracts";
import { formatPrice } from "../../i18n/format-price.ts";
import { formatMinutes } from "../../i18n/format-quantity.ts";
import type { Translate } from "../../i18n/i18n-context.tsx";
import type { Language } from "../../i18n/languages.ts";

/** The price line: per night for a stay (per room), per appointment for a slot. */
export function offeringPrice(offering: OfferingDto, t: Translate, language: Language): string {
  const price = formatPrice(offering.price, language);
  return offering.mode === "stay"
    ? t("venue.pricePerNight", { price })
    : t("venue.pricePerAppointment", { price });
}

/** What else one should know before choosing: surcharges, length, check-in and out. */
export function offeringTerms(offering: OfferingDto, t: Translate, language: Language): string[] {
  if (offering.mode === "slot") {
    return [
      t("venue.duration", { duration: formatMinutes(offering.slot.durationMinutes, language) }),
    ];
  }
  const { stay } = offering;
  const surcharge = { amount: stay.perGuestNightly, currency: offering.price.currency };
  return [
    ...(stay.perGuestNightly > 0
      ? [t("venue.perGuestNightly", { price: formatPrice(surcharge, language) })]
      : []),
    t("venue.nights", { min: stay.minNights, max: stay.maxNights }),
    t("venue.checkInOut", { checkIn: stay.checkInTime, checkOut: stay.checkOutTime }),
  ];
}
