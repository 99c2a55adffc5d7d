import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { isMissing } from "../../errors/is-missing.ts";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { SlotBooking } from "../book-slot/slot-booking.tsx";
import { StayBooking } from "../book-stay/stay-booking.tsx";
import { NotFoundPage } from "../not-found-page.tsx";

/** An offering of a venue: booking a stay or an appointment, by its mode. */
export function OfferingPage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const { venueId, offeringId } = useParams({ from: "/venues/$venueId/offerings/$offeringId" });
  const offering = useQuery(trpc.offerings.get.queryOptions({ id: offeringId }));
  const venue = useQuery(trpc.venues.get.queryOptions({ id: venueId }));

  if (offering.isPending) return <p aria-busy="true">{t("app.loading")}</p>;
  if (offering.isError) {
    return isMissing(offering.error) ? (
      <NotFoundPage />
    ) : (
      <Alert kind="error">{describe(offering.error)}</Alert>
    );
  }
  if (venue.isPending) return <p aria-busy="true">{t("app.loading")}</p>;
  if (venue.isError) return <Alert kind="error">{describe(venue.error)}</Alert>;
  const bookable = offering.data.offering;
  return (
    <>
      <PageHeading title={bookable.name} />
      {bookable.mode === "stay" ? (
        <StayBooking venue={venue.data.venue} offering={bookable} />
      ) : (
        <SlotBooking venue={venue.data.venue} offering={bookable} />
      )}
      <p>
        <Link to="/venues/$venueId" params={{ venueId }}>
          {venue.data
            ? t("offering.backTo", { venue: venue.data.venue.name })
            : t("venue.allPlaces")}
        </Link>
      </p>
    </>
  );
}
