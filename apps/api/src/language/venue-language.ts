import type { VenueDto } from "@booking/contracts";

export type MailLanguage = "de" | "en";

/** Where German is what people read by default. */
const GERMAN_SPEAKING_COUNTRIES = new Set(["DE", "AT", "CH", "LI"]);

/**
 * The language of mails about a venue's bookings for people who chose none: the venue's
 * own setting, else what its country speaks, else English.
 */
export function venueLanguage(
  venue: Pick<VenueDto, "language" | "address"> | undefined,
): MailLanguage {
  if (venue?.language) return venue.language;
  const country = venue?.address?.country;
  return country && GERMAN_SPEAKING_COUNTRIES.has(country) ? "de" : "en";
}
