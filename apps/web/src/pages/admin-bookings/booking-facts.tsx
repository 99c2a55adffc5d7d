import type { BookingDto, OfferingDto, ResourceDto } from "@booking/contracts";
import { formatPrice } from "../../i18n/format-price.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatInstant, formatPeriod } from "../my-bookings/booking-format.ts";
import type { Booker } from "./booker.ts";

/**
 * Everything an admin decides a booking on, on the venue's clock: where, what, which rooms,
 * when, for how many, who asked (with how to reach them), their notes and answers.
 */
export function BookingFacts({
  booking,
  venueName,
  zone,
  offering,
  resources,
  booker,
}: {
  booking: BookingDto;
  venueName: string | undefined;
  zone: string;
  offering: OfferingDto | undefined;
  resources: ResourceDto[] | undefined;
  booker: Booker | undefined;
}) {
  const { t, language } = useI18n();
  const roomNames = booking.resourceIds.map(
    (id) => resources?.find((resource) => resource.id === id)?.name ?? "…",
  );
  const answers = Object.entries(booking.answers ?? {});
  return (
    <dl className="facts admin-facts" data-testid="booking-facts">
      <dt>{t("booking.place")}</dt>
      <dd>{venueName ?? "…"}</dd>
      <dt>{t("booking.offering")}</dt>
      <dd>{offering?.name ?? "…"}</dd>
      <dt>{t("booking.resources")}</dt>
      <dd>{roomNames.join(", ")}</dd>
      {booking.checkIn ? (
        <>
          <dt>{t("booking.checkIn")}</dt>
          <dd>{formatInstant(booking.start, zone, language)}</dd>
          <dt>{t("booking.checkOut")}</dt>
          <dd>{formatInstant(booking.end, zone, language)}</dd>
        </>
      ) : (
        <>
          <dt>{t("booking.when")}</dt>
          <dd>{formatPeriod(booking, zone, language)}</dd>
        </>
      )}
      <dt>{t("booking.guests")}</dt>
      <dd>{booking.guests}</dd>
      <dt>{t("adminBooking.booker")}</dt>
      <dd className="break" data-testid="booker">
        {booker ? (
          <>
            {booker.name}
            {booker.guest && ` (${t("adminBooking.guest")})`}
            <br />
            <a href={`mailto:${booker.email}`}>{booker.email}</a>
            {booker.phone && (
              <>
                <br />
                <a href={`tel:${booker.phone}`}>{booker.phone}</a>
              </>
            )}
          </>
        ) : (
          "…"
        )}
      </dd>
      <dt>{t("booking.price")}</dt>
      <dd>{formatPrice(booking.price, language)}</dd>
      {booking.notes && (
        <>
          <dt>{t("booking.notes")}</dt>
          <dd className="break">{booking.notes}</dd>
        </>
      )}
      {answers.map(([key, value]) => (
        <Answer key={key} label={questionLabel(offering, key)} value={String(value)} />
      ))}
      <dt>{t("adminBooking.requestedAt")}</dt>
      <dd>{formatInstant(booking.createdAt, zone, language)}</dd>
    </dl>
  );
}

function Answer({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="break">{value}</dd>
    </>
  );
}

/** A booking question's own wording; its key when the offering no longer asks it. */
function questionLabel(offering: OfferingDto | undefined, key: string): string {
  return offering?.questions?.find((question) => question.key === key)?.label ?? key;
}
