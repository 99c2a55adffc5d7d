import type { OfferingDto } from "@booking/contracts";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../../i18n/use-i18n.ts";
import { offeringPrice, offeringTerms } from "./offering-terms.ts";

/** One thing to book: what it is, what it costs, its terms; its name leads on to booking it. */
export function OfferingItem({ offering }: { offering: OfferingDto }) {
  const { t, language } = useI18n();
  return (
    <li className="card offering">
      <h3>
        <Link
          to="/venues/$venueId/offerings/$offeringId"
          params={{ venueId: offering.venueId, offeringId: offering.id }}
        >
          {offering.name}
        </Link>
      </h3>
      <p className="offering-kind">
        {offering.mode === "stay" ? t("venue.stay") : t("venue.slot")}
      </p>
      <p className="offering-price" data-testid="price">
        {offeringPrice(offering, t, language)}
      </p>
      <ul className="offering-terms">
        {offeringTerms(offering, t, language).map((term) => (
          <li key={term}>{term}</li>
        ))}
      </ul>
    </li>
  );
}
