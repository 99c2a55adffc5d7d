import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { isMissing } from "../../errors/is-missing.ts";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { NotFoundPage } from "../not-found-page.tsx";

/** A placeholder until booking flows exist: it names the offering and says what comes. */
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
  const { name } = offering.data.offering;
  return (
    <>
      <PageHeading title={name} />
      <p>{t("offering.comingNext", { name })}</p>
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
