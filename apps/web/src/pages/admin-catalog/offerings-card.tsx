import type { VenueDto } from "@booking/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { formatPrice } from "../../i18n/format-price.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";

/** What can be booked at the venue, each leading to its editor; and a new one. */
export function OfferingsCard({ venue }: { venue: VenueDto }) {
  const { t, language } = useI18n();
  const describe = useErrorMessage();
  const offerings = useQuery(trpc.offerings.list.queryOptions({ venueId: venue.id }));
  return (
    <section className="card" aria-labelledby="offerings-heading">
      <h2 id="offerings-heading">{t("adminCatalog.offerings")}</h2>
      {offerings.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {offerings.isError && <Alert kind="error">{describe(offerings.error)}</Alert>}
      {offerings.data &&
        (offerings.data.items.length === 0 ? (
          <p className="muted">{t("venue.noOfferings")}</p>
        ) : (
          <ul className="list" aria-labelledby="offerings-heading">
            {offerings.data.items.map((offering) => (
              <li key={offering.id} className="list-item-stacked catalog-item">
                <Link
                  to="/admin/catalog/venues/$venueId/offerings/$offeringId"
                  params={{ venueId: venue.id, offeringId: offering.id }}
                  className="list-item-title"
                >
                  {offering.name}
                </Link>
                <span className="muted">
                  {t(offering.mode === "stay" ? "venue.stay" : "venue.slot")} ·{" "}
                  {formatPrice(offering.price, language)}
                </span>
              </li>
            ))}
          </ul>
        ))}
      <Link
        to="/admin/catalog/venues/$venueId/offerings/new"
        params={{ venueId: venue.id }}
        className="button"
      >
        {t("adminCatalog.offering.new")}
      </Link>
    </section>
  );
}
