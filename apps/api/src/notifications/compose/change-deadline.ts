import { formatMoment } from "./format-time.ts";
import { type MailBlock, paragraph } from "./mail-document.ts";
import type { MailLanguage } from "./mail-language.ts";
import type { BookingFacts } from "./notification-facts.ts";

/**
 * Until when the booker may still change or cancel a confirmed booking themself: its start
 * less the venue's cancellation notice (docs/product.md, "Changing a booking"). Nothing is
 * said once that moment had passed when the event happened.
 */
export function changeDeadline(facts: BookingFacts, language: MailLanguage): MailBlock[] {
  const { booking, venue } = facts;
  const hours = venue.policies.cancellationNoticeHours;
  const deadline = Date.parse(booking.start) - hours * 3_600_000;
  if (deadline <= Date.parse(booking.updatedAt)) return [];
  if (hours === 0) {
    return [
      paragraph(
        language === "de"
          ? "Bis zu ihrem Beginn können Sie die Buchung online ändern oder stornieren."
          : "You can change or cancel the booking online until it begins.",
      ),
    ];
  }
  const until = formatMoment(new Date(deadline).toISOString(), venue.timeZone, language);
  return [
    paragraph(
      language === "de"
        ? `Bis ${until} können Sie die Buchung online ändern oder stornieren.`
        : `You can change or cancel the booking online until ${until}.`,
    ),
  ];
}
