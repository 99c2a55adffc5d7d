import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { isMissing } from "../../errors/is-missing.ts";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { OfferingItem } from "./offering-item.tsx";
import { OpeningHours } from "./opening-hours.tsx";
import { PolicyList } from "./policy-list.tsx";
import { TimeZoneNote } from "./time-zone-note.tsx";
import { VenueAddress } from "./venue-address.tsx";

export function VenuePage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const { venueId } = useParams({ from: "/venues/$venueId" });
  // Both at once: the offerings need not wait for the venue.
  const venue = useQuery(trpc.venues.get.queryOptions({ id: venueId }));
  const offerings = useQuery(trpc.offerings.list.queryOptions({ venueId }));

  if (venue.isPending) return <p aria-busy="true">{t("app.loading")}</p>;
  if (venue.isError) {
    const missing = isMissing(venue.error);
    return (
      <>
        <PageHeading title={missing ? t("venue.notFoundTitle") : t("venues.title")} />
        <Alert kind="error">{missing ? t("venue.notFound") : describe(venue.error)}</Alert>
        <p>
          <Link to="/venues">{t("venue.allPlaces")}</Link>
        </p>
      </>
    );
  }

  const { name, address, timeZone, openingHours, policies } = venue.data.venue;
  const items = offerings.data?.items ?? [];
  // Opening hours only bound appointments; a holiday home has no reception.
  const hasSlots = items.some((offering) => offering.mode === "slot");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/venues">{t("venue.allPlaces")}</Link>
      </p>
      <PageHeading title={name} />
      {address && <VenueAddress address={address} />}
      <TimeZoneNote zone={timeZone} />
      <div className="stack">
        <section aria-labelledby="offerings">
          <h2 id="offerings">{t("venue.offerings")}</h2>
          {offerings.isPending && <p aria-busy="true">{t("app.loading")}</p>}
          {offerings.isError && <Alert kind="error">{describe(offerings.error)}</Alert>}
          {offerings.isSuccess && items.length === 0 && <p>{t("venue.noOfferings")}</p>}
          {items.length > 0 && (
            <ul className="offering-list">
              {items.map((offering) => (
                <OfferingItem key={offering.id} offering={offering} />
              ))}
            </ul>
          )}
        </section>
        {hasSlots && (
          <section aria-labelledby="opening-hours" className="card">
            <h2 id="opening-hours">{t("venue.openingHours")}</h2>
            <OpeningHours hours={openingHours} />
          </section>
        )}
        <section aria-labelledby="policies" className="card">
          <h2 id="policies">{t("venue.policies")}</h2>
          <PolicyList policies={policies} />
        </section>
      </div>
    </>
  );
}
